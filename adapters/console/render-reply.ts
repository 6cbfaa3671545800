import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation, Reply } from '../../core/reply.ts';

function sourceLine(c: Citation): string {
  const where = [c.outlet ?? 'Unknown outlet', c.publishedAt ?? 'undated'].join(', ');
  return `[${c.n}] ${where}${c.removed ? ' (source removed)' : ''}: "${c.quote}"`;
}

/** Plain-text rendering of a Reply for a terminal: title, blocks, note, sources. */
export function renderReplyText(reply: Reply): string {
  // A reply with nothing to show says everything in its text (title, reason, what the corpus covers).
  if (reply.blocks.length === 0) return reply.text;
  const lines: string[] = [reply.title, ''];
  const bullet = reply.kind === 'briefing' ? '• ' : '';
  for (const block of reply.blocks) lines.push(`${bullet}${block.text}`);
  if (reply.note) lines.push('', reply.note);
  if (reply.citations.length > 0) {
    lines.push('', `Sources${reply.asOf ? ` (as of ${reply.asOf})` : ''}:`);
    for (const c of reply.citations) lines.push(sourceLine(c));
  }
  return lines.join('\n');
}

/** Plain-text list of the corpus documents. */
export function renderSourcesText(documents: readonly DocumentSummary[]): string {
  if (documents.length === 0) return 'The corpus is empty.';
  const lines = [`${documents.length} documents in the corpus:`];
  for (const d of documents) {
    const meta = [d.outlet ?? 'unknown outlet', d.publishedAt ?? 'undated', d.author].filter(Boolean).join(', ');
    lines.push(`- ${d.id}: ${d.title ?? '(untitled)'} (${meta}; ${d.passages} passages)`);
  }
  return lines.join('\n');
}
