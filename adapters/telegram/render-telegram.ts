/**
 * Renders core Replies as Telegram HTML messages: bold headline, bullets with
 * [n] markers, a compact Sources section (outlet, date, title, link), the
 * verbatim quotes in blockquotes behind the Sources button, and refusals that
 * look different. Long replies are split between blocks.
 */
import type { Block, Citation, Reply } from '../../core/reply.ts';
import { asOfSuffix, byDocument, heading, markers, PARTIAL_LINE, sourceView } from '../shared/reply-parts.ts';
import { blockquote, bold, italic, join, link, type Piece, text } from './html.ts';
import { packMessages, splitAtSentences, TELEGRAM_TEXT_LIMIT, type Unit } from './split-message.ts';

const BULLET = '• ';
const REFUSAL_FALLBACK = 'The articles I hold do not answer this. Send /sources to see what they cover.';

function unit(piece: Piece, gap: Unit['gap'] = '\n', split?: Unit['split']): Unit {
  return split ? { ...piece, gap, split } : { ...piece, gap };
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
function sourceLabel(c: Citation): Piece {
  const view = sourceView(c);
  const parts: Piece[] = [link(view.url, bold(text(view.outlet))), text(`, ${view.date}`)];
  if (view.title) parts.push(text(' — '), italic(text(view.title)));
  if (view.removed) parts.push(text(view.removed));
  if (view.edited) parts.push(text(view.edited));
  return join(...parts);
}

/** A citation: its label and the verbatim quote (split into several quotes if enormous). */
function citationUnit(c: Citation): Unit {
  const attribution = sourceView(c).attribution;
  const who = text(attribution ? ` — ${attribution}` : '');
  const label = join(text(`[${c.n}] `), sourceLabel(c), who);
  const quoted = (quote: string) => blockquote(text(quote));
  return unit(join(label, text('\n'), quoted(c.quote)), '\n', (limit) => {
    const pieces = splitAtSentences(c.quote, limit - label.plain.length - 1);
    return pieces.map((quote, i) => unit(i === 0 ? join(label, text('\n'), quoted(quote)) : quoted(quote)));
  });
}

function sourcesTitle(label: string, asOf?: string | null): Unit {
  return unit(join(bold(text(label)), text(asOfSuffix(asOf))), '\n\n');
}

/** The Sources section: heading plus one unit per citation. */
export function citationUnits(citations: readonly Citation[], label = 'Sources', asOf?: string | null): Unit[] {
  if (citations.length === 0) return [];
  return [sourcesTitle(label, asOf), ...citations.map(citationUnit)];
}

/** Why a refused or partial reply does not answer (in full), and what the corpus covers: one paragraph. */
function reasonText(reply: Reply): string {
  return [reply.reason, reply.coverage].filter(Boolean).join(' ');
}

function bodyUnits(reply: Reply): Unit[] {
  if (reply.status === 'refused') {
    const head = unit(join(text('ℹ️ '), bold(text(heading(reply)))));
    return [head, claimUnit({ text: reasonText(reply) || REFUSAL_FALLBACK, citations: [] }, '', '\n\n')];
  }
  const units = [unit(bold(text(heading(reply))))];
  if (reply.status === 'partial') units.push(unit(italic(text(PARTIAL_LINE))));
  // An answered reply with a reason (a digest with nothing new) says it under the title.
  else if (reply.reason) units.push(claimUnit({ text: reasonText(reply), citations: [] }, '', '\n\n'));
  reply.blocks.forEach((b, i) => {
    units.push(claimUnit(b, BULLET, i === 0 ? '\n\n' : '\n'));
  });
  if (reply.status === 'partial' && reply.reason) units.push(unit(italic(text(reasonText(reply))), '\n\n'));
  return units;
}

/**
 * The compact Sources section of a reply: one line per source document with the markers that
 * point at it. The verbatim quotes are one tap away (the Sources button), so a corroborated
 * briefing citing many outlets still fits one message.
 */
function sourceListUnits(citations: readonly Citation[], asOf: string | null): Unit[] {
  if (citations.length === 0) return [];
  const lines = byDocument(citations).map((group) =>
    unit(join(text(`${markers(group.map((c) => c.n))} `), sourceLabel(group[0] as Citation))),
  );
  return [sourcesTitle('Sources', asOf), ...lines];
}

/** A Reply as one or more HTML messages, each within Telegram's limit. */
export function renderReply(reply: Reply, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const units = bodyUnits(reply);
  if (reply.note) units.push(unit(italic(text(reply.note)), '\n\n'));
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
