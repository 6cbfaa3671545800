import { describeAttribution } from '../../core/analysis/attribution.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation, Reply } from '../../core/reply.ts';

function sourceLine(c: Citation): string {
  const where = [c.outlet ?? 'Unknown outlet', c.publishedAt ?? 'undated'].join(', ');
  const who = c.attribution ? ` — ${describeAttribution(c.attribution)}` : '';
  return `[${c.n}] ${where}${c.removed ? ' (source removed)' : ''}${c.edited ? ' (article edited since; quoted as cited)' : ''}: "${c.quote}"${who}`;
}

/** "[1][4] Reuters, 2022-01-11 · [2] DW, 2022-01-09": each source document once, with the markers citing it. */
export function compactSources(citations: readonly Citation[]): string {
  const byDocument = new Map<string, Citation[]>();
  for (const c of citations) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
  return [...byDocument.values()]
    .map((group) => {
      const first = group[0] as Citation;
      const where = [first.outlet ?? 'Unknown outlet', first.publishedAt ?? 'undated'].join(', ');
      return `${group.map((c) => `[${c.n}]`).join('')} ${where}${first.removed ? ' (source removed)' : ''}`;
    })
    .join(' · ');
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
    const heading = `Sources${reply.asOf ? ` (as of ${reply.asOf})` : ''}:`;
    // A briefing is read at a glance: one compact line of sources; an answer shows its verbatim quotes.
    if (reply.kind === 'briefing') lines.push('', `${heading} ${compactSources(reply.citations)}`);
    else {
      lines.push('', heading);
      for (const c of reply.citations) lines.push(sourceLine(c));
    }
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
