/** Sentence segmentation for news prose, returning offsets so callers can cite verbatim spans. */

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Words that take a period without ending the sentence (compared lower-case, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr adm brig sen sens rep reps gov pres sec amb ' +
    'hon rev fr st mt ft ave blvd jr sr inc ltd co corp bros dept univ vs etc al cf approx jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec calif fla mich minn tenn conn ariz'
  ).split(' '),
);

/** Abbreviations that only abbreviate when a number follows ("No. 10", "Art. 5"); otherwise they are words. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'p', 'pp', 'ch', 'fig', 'vol']);

/** A quotation longer than this is not held together, so that long quoted paragraphs can still be split. */
const MAX_HELD_QUOTE = 400;

const CANDIDATE = /([.!?]+|…)(["'”’»)\]]*)(?=\s|$)/g;
const OPENERS = /[\s([{—–-]/;
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{Lo}\p{N}"'“‘«([¿¡]/u;
// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The word that a period at `at` ends, without leading quotes or brackets. */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !/\s/.test(text[from - 1] ?? ' ')) from--;
  return text.slice(from, at).replace(/^["'“‘([«]+/, '');
}

function isAbbreviation(text: string, at: number, nextChar: string): boolean {
  const word = wordBefore(text, at);
  // Initialisms ("U.S", "U.N", "e.g") and single initials ("J") are not sentence ends.
  if (INITIALISM.test(word) || INITIAL.test(word)) return true;
  const lower = word.toLowerCase();
  // "(D-Calif.)": the abbreviation is the last hyphenated part.
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.split('-').at(-1) ?? '')) return true;
  return NUMBER_ABBREVIATIONS.has(lower) && /\d/.test(nextChar);
}

/**
 * For each position, whether it lies inside a double quotation that closes later on the same line within
 * MAX_HELD_QUOTE characters. Curly quotes are unambiguous; a straight quote opens after whitespace or a bracket.
 */
function heldQuoteRanges(line: string): [number, number][] {
  const ranges: [number, number][] = [];
  let openAt = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const opening = ch === '“' || (ch === '"' && (i === 0 || OPENERS.test(line[i - 1] ?? '')));
    const closing = ch === '”' || (ch === '"' && !opening);
    if (opening && openAt < 0) openAt = i;
    else if (closing && openAt >= 0) {
      if (i - openAt <= MAX_HELD_QUOTE) ranges.push([openAt, i]);
      openAt = -1;
    }
  }
  return ranges;
}

function splitLine(text: string, lineStart: number, lineEnd: number, out: SentenceSpan[]): void {
  const line = text.slice(lineStart, lineEnd);
  const held = heldQuoteRanges(line);
  let cursor = 0;
  const firstOfLine = out.length;
  const push = (from: number, to: number): void => {
    const slice = line.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const body = slice.trim();
    if (!body) return;
    const start = lineStart + from + lead;
    const end = start + body.length;
    const previous = out.at(-1);
    // Stray punctuation ("said Ryabkov. .") belongs to the sentence before it, not a sentence of its own.
    if (!HAS_LETTER_OR_DIGIT.test(body) && previous && out.length > firstOfLine) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
      return;
    }
    out.push({ start, end, text: body });
  };
  for (const match of line.matchAll(CANDIDATE)) {
    const marks = match[1] ?? '';
    const at = match.index;
    const end = at + match[0].length;
    const after = line.slice(end);
    const nextChar = after.trimStart()[0];
    if (nextChar === undefined) break;
    // Ellipses mark omissions inside quotes far more often than sentence ends.
    if (marks === '…' || marks.startsWith('..')) continue;
    // Only a capital, a digit, an opening quote or bracket can start the next sentence.
    if (!SENTENCE_START.test(nextChar)) continue;
    if (marks === '.' && isAbbreviation(line, at, nextChar)) continue;
    if (held.some(([open, close]) => at > open && close >= end)) continue;
    push(cursor, end);
    cursor = end;
  }
  push(cursor, line.length);
}

/**
 * Splits text into sentences with offsets relative to `text` (text.slice(start, end) === sentence text, trimmed).
 * Closing quotes and brackets after the terminal mark belong to the sentence; a quotation that closes on the same
 * line is kept whole with its attribution ("... excluded," Ryabkov said.); abbreviations, initials, initialisms
 * ("U.S.") and decimals do not end sentences; neither does a mark followed by a lower-case word. Line breaks always do.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      splitLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  return out;
}
