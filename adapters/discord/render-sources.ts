/** Renders the corpus document list and a reply's citations (with their verbatim quotes) as embeds. */
import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation } from '../../core/reply.ts';
import { packEmbeds, truncate } from './embed-packing.ts';
import { COLORS, escapeText, type RenderedMessage, sourceLine } from './render-discord.ts';

/** More documents than this are summarised by a count: a listing is for orientation, not an export. */
const MAX_LISTED_DOCUMENTS = 40;

function documentLine(d: DocumentSummary): string {
  const meta = [d.outlet ?? 'unknown outlet', d.publishedAt ?? 'undated', d.author].filter(Boolean).join(', ');
  const title = escapeText(truncate(d.title ?? d.id, 180));
  const plural = d.passages === 1 ? 'passage' : 'passages';
  return `• **${title}** — ${escapeText(meta)} (${d.passages} ${plural})`;
}

/** The documents of the corpus, newest first, as messages. */
export function renderDocuments(documents: readonly DocumentSummary[]): RenderedMessage[] {
  const sorted = [...documents].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  const shown = sorted.slice(0, MAX_LISTED_DOCUMENTS);
  const lines = shown.map(documentLine);
  if (sorted.length > shown.length) lines.push(`…and ${sorted.length - shown.length} more.`);
  const title =
    documents.length === 0
      ? 'The corpus is empty'
      : `Sources in the corpus (${documents.length} document${documents.length === 1 ? '' : 's'})`;
  return packEmbeds({ title, color: COLORS.info, lines }).map((embeds) => ({ embeds, components: [] }));
}

/** A quote as a Markdown block quote, every line of it. */
function blockQuote(quote: string): string {
  return escapeText(quote.trim())
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The citations of a reply with their verbatim quotes. */
export function renderCitations(citations: readonly Citation[]): RenderedMessage[] {
  const lines = citations.map((c) => `**${sourceLine(c)}**\n${blockQuote(c.quote)}`);
  return packEmbeds({ title: 'Sources of the last reply', color: COLORS.info, lines, separator: '\n\n' }).map(
    (embeds) => ({ embeds, components: [] }),
  );
}
