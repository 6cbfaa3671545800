import { escapeHtml, type Piece } from './html.ts';

/** Telegram's limit for a message text, counted after entity parsing (UTF-16 code units). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * A part of a message that must not be cut: a claim with its citation markers,
 * a source with its quote, a heading. Its HTML is balanced on its own, so any
 * sequence of units is valid Telegram HTML.
 */
export interface Unit extends Piece {
  /** What separates it from the previous unit: a line break, or a blank line for a new section. */
  gap: '\n' | '\n\n';
  /** Renders an oversized unit as several units, each at most `limit` visible characters. */
  split?: (limit: number) => Unit[];
}

// A sentence ends with . ! ? or … (and closing quotes or brackets), followed by the
// [n] markers that cite it; cutting after the markers keeps each claim with its citation.
const SENTENCE_END = /[.!?…]+["'”’»)]*(?:\s*\[\d+\])*(?=\s)/g;

function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never cut a surrogate pair in half.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * Splits text into pieces of at most `max` characters at sentence boundaries
 * (a sentence keeps the [n] markers that follow it); a sentence longer than
 * `max` is cut at a space.
 */
export function splitAtSentences(text: string, max: number): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  sentences.push(text.slice(start).trim());
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences.filter((s) => s.length > 0).flatMap((s) => hardCut(s, max))) {
    if (current && current.length + 1 + sentence.length <= max) {
      current = `${current} ${sentence}`;
    } else {
      if (current) pieces.push(current);
      current = sentence;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function expand(unit: Unit, limit: number): Unit[] {
  if (unit.plain.length <= limit) return [unit];
  // Last resort for a unit that cannot split itself: plain escaped text, still valid HTML.
  const parts = unit.split
    ? unit.split(limit)
    : splitAtSentences(unit.plain, limit).map((p): Unit => ({ html: escapeHtml(p), plain: p, gap: '\n' }));
  return parts.map((part, i) => ({ ...part, gap: i === 0 ? unit.gap : part.gap }));
}

/**
 * Packs units into as few messages as fit `limit` visible characters each,
 * breaking only between units.
 */
export function packMessages(units: readonly Unit[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const messages: string[] = [];
  let html = '';
  let size = 0;
  for (const unit of units.flatMap((u) => expand(u, limit))) {
    const gap = html ? unit.gap : '';
    if (html && size + gap.length + unit.plain.length > limit) {
      messages.push(html);
      html = unit.html;
      size = unit.plain.length;
      continue;
    }
    html += gap + unit.html;
    size += gap.length + unit.plain.length;
  }
  if (html) messages.push(html);
  return messages;
}
