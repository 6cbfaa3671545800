/**
 * Renders core Replies as Telegram HTML messages: bold headline, bullets with
 * [n] markers, a compact Sources section (outlet, date, title, link), the
 * verbatim quotes in blockquotes behind the Sources button, and refusals that
 * look different. Long replies are split between blocks.
 */
import { describeAttribution } from '../../core/analysis/attribution.ts';
import type { Block, Citation, Reply } from '../../core/reply.ts';
import { blockquote, bold, italic, join, link, type Piece, text } from './html.ts';
import { packMessages, splitAtSentences, TELEGRAM_TEXT_LIMIT, type Unit } from './split-message.ts';

const BULLET = '• ';
const REFUSAL_HEADING = 'Not in the sources';
const REFUSAL_FALLBACK = 'The articles I hold do not answer this. Send /sources to see what they cover.';

function unit(piece: Piece, gap: Unit['gap'] = '\n', split?: Unit['split']): Unit {
  return split ? { ...piece, gap, split } : { ...piece, gap };
}

function markers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/** A claim; when too long it is split at sentences and every piece keeps a citation. */
function claimUnit(block: Block, prefix: string, gap: Unit['gap']): Unit {
  const piece = text(`${prefix}${block.text}`);
  const cite = markers(block.citations);
  return unit(piece, gap, (limit) => {
    const budget = limit - prefix.length - cite.length - 1;
    return splitAtSentences(block.text, budget).map((part, i) => {
      const cited = /\[\d+\]/.test(part) || cite === '' ? part : `${part} ${cite}`;
      return unit(text(`${i === 0 ? prefix : ''}${cited}`));
    });
  });
}

/** "DW, 2022-01-09 — Title", the outlet linked when the URL is known. */
function sourceLabel(c: Pick<Citation, 'outlet' | 'publishedAt' | 'title' | 'url' | 'removed' | 'edited'>): Piece {
  const outlet = link(c.url, bold(text(c.outlet ?? 'Unattributed source')));
  const parts: Piece[] = [outlet, text(`, ${c.publishedAt ?? 'undated'}`)];
  if (c.title) parts.push(text(' — '), italic(text(c.title)));
  if (c.removed) parts.push(text(' (source removed)'));
  if (c.edited) parts.push(text(' (article edited since; quoted as cited)'));
  return join(...parts);
}

/** A citation: its label and the verbatim quote (split into several quotes if enormous). */
function citationUnit(c: Citation): Unit {
  const who = c.attribution ? text(` — ${describeAttribution(c.attribution)}`) : text('');
  const label = join(text(`[${c.n}] `), sourceLabel(c), who);
  const quoted = (quote: string) => blockquote(text(quote));
  return unit(join(label, text('\n'), quoted(c.quote)), '\n', (limit) => {
    const pieces = splitAtSentences(c.quote, limit - label.plain.length - 1);
    return pieces.map((quote, i) => unit(i === 0 ? join(label, text('\n'), quoted(quote)) : quoted(quote)));
  });
}

/** The Sources section: heading plus one unit per citation. */
export function citationUnits(citations: readonly Citation[], heading = 'Sources', asOf?: string | null): Unit[] {
  if (citations.length === 0) return [];
  const title = join(bold(text(heading)), text(asOf ? ` (as of ${asOf})` : ''));
  return [unit(title, '\n\n'), ...citations.map(citationUnit)];
}

/**
 * What a refusal says, once: its blocks, or its text without the title line it
 * starts with; the note (the reason and what the corpus covers) when it adds something.
 */
function refusalParagraphs(reply: Reply): string[] {
  const fromText = reply.text.trim().startsWith(reply.title) ? reply.text.trim().slice(reply.title.length) : reply.text;
  const said = reply.blocks.length > 0 ? reply.blocks.map((b) => b.text) : fromText.split(/\n\s*\n/);
  const paragraphs = said.map((p) => p.trim()).filter((p) => p !== '');
  const note = reply.note?.trim();
  if (note && !paragraphs.includes(note)) paragraphs.push(note);
  return paragraphs.length > 0 ? paragraphs : [REFUSAL_FALLBACK];
}

function bodyUnits(reply: Reply): Unit[] {
  if (reply.status === 'refused') {
    const head = unit(join(text('ℹ️ '), bold(text(REFUSAL_HEADING))));
    const paragraphs = refusalParagraphs(reply).map((p) => ({ text: p, citations: [] }));
    return [head, ...paragraphs.map((b, i) => claimUnit(b, '', i === 0 ? '\n\n' : '\n'))];
  }
  const units = [unit(bold(text(reply.title || (reply.kind === 'briefing' ? 'Briefing' : 'Answer'))))];
  if (reply.status === 'partial') units.push(unit(italic(text('The sources answer this only in part.'))));
  reply.blocks.forEach((b, i) => {
    units.push(claimUnit(b, BULLET, i === 0 ? '\n\n' : '\n'));
  });
  if (reply.blocks.length === 0 && reply.text) units.push(claimUnit({ text: reply.text, citations: [] }, '', '\n\n'));
  return units;
}

/**
 * The compact Sources section of a reply: one line per source document with the markers that
 * point at it. The verbatim quotes are one tap away (the Sources button), so a corroborated
 * briefing citing many outlets still fits one message.
 */
function sourceListUnits(citations: readonly Citation[], asOf: string | null): Unit[] {
  if (citations.length === 0) return [];
  const byDocument = new Map<string, Citation[]>();
  for (const c of citations) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
  const title = join(bold(text('Sources')), text(asOf ? ` (as of ${asOf})` : ''));
  const lines = [...byDocument.values()].map((group) =>
    unit(join(text(`${markers(group.map((c) => c.n))} `), sourceLabel(group[0] as Citation))),
  );
  return [unit(title, '\n\n'), ...lines];
}

/** A Reply as one or more HTML messages, each within Telegram's limit. */
export function renderReply(reply: Reply, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const units = bodyUnits(reply);
  // A refusal's note is already part of its body.
  if (reply.note && reply.status !== 'refused') units.push(unit(italic(text(reply.note)), '\n\n'));
  units.push(...sourceListUnits(reply.citations, reply.asOf));
  return packMessages(units, limit);
}

/** The citations of the conversation's last reply (the "Sources" button). */
export function renderCitations(citations: readonly Citation[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const units = citationUnits(citations, 'Sources of my last reply');
  return packMessages(
    units.map((u, i) => (i === 0 ? { ...u, gap: '\n' } : u)),
    limit,
  );
}
