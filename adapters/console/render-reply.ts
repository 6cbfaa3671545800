import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation, Reply } from '../../core/reply.ts';
import { asOfSuffix, byDocument, heading, markers, PARTIAL_LINE, sourceView } from '../shared/reply-parts.ts';

function sourceLine(c: Citation): string {
  const view = sourceView(c);
  const who = view.attribution ? ` — ${view.attribution}` : '';
  return `[${c.n}] ${view.outlet}, ${view.date}${view.removed}${view.edited}: "${c.quote}"${who}`;
}

/** "[1][4] Reuters, 2022-01-11 · [2] DW, 2022-01-09": each source document once, with the markers citing it. */
export function compactSources(citations: readonly Citation[]): string {
  return byDocument(citations)
    .map((group) => {
      const view = sourceView(group[0] as Citation);
      return `${markers(group.map((c) => c.n))} ${view.outlet}, ${view.date}${view.removed}`;
    })
    .join(' · ');
}

/** Plain-text rendering of a Reply for a terminal: title, status, blocks, reason, note, sources. */
export function renderReplyText(reply: Reply): string {
  const lines: string[] = [heading(reply)];
  const why = [reply.reason, reply.coverage].filter(Boolean).join(' ');
  if (reply.status === 'partial') lines.push(PARTIAL_LINE);
  const bullet = reply.kind === 'briefing' ? '• ' : '';
  if (reply.blocks.length > 0) lines.push('', ...reply.blocks.map((block) => `${bullet}${block.text}`));
  if (why) lines.push('', why);
  if (reply.note) lines.push('', reply.note);
  if (reply.citations.length > 0) {
    const title = `Sources${asOfSuffix(reply.asOf)}:`;
    // A briefing is read at a glance: one compact line of sources; an answer shows its verbatim quotes.
    if (reply.kind === 'briefing') lines.push('', `${title} ${compactSources(reply.citations)}`);
    else lines.push('', title, ...reply.citations.map(sourceLine));
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
