/**
 * A saved page's lines prepared for chrome stripping, and the checks that look across lines: where the headline
 * is, which lines repeat others (a cut-off copy, a summary glued from the body), how the page separates paragraphs.
 */

import { isPhotoCredit, splitLeadingCaption } from './caption-rules.ts';
import {
  isBlockMarker,
  isBreadcrumb,
  isBulletItem,
  isIconText,
  isNavLine,
  isPipeBar,
  isReadTime,
  isWidgetLine,
} from './chrome-rules.ts';
import { bylineAuthor, isStoryCredit, roleBylineAuthor } from './credit-rules.ts';
import { isDateMeta, parseDateLine } from './date-hint.ts';
import { isForeignScript } from './page-script.ts';
import type { ClassifiedLine } from './resolve-lines.ts';
import { endsLikeSentence, letterWords, wordCount } from './words.ts';

export interface Line {
  /** The trimmed line, kept byte-for-byte for output (a trailing "…continue reading" link aside). */
  raw: string;
  /** The trimmed line with whitespace runs (including no-break spaces) collapsed, for classification. */
  text: string;
  indented: boolean;
  /** The rest of a line whose leading photo caption was split off. */
  afterCaption: boolean;
}

const TITLE_LOOKAHEAD = 6;
const MIN_KEY_POINT_WORDS = 12;
// A headline has a few words; shorter lines at the top are kickers and section labels ("World", "Trade talks").
const MIN_TITLE_WORDS = 4;
// The machine date stamp some page stores put in front of the first line (" date 2023-05-04 Headline …").
const DATE_STAMP = /^\s*date (\d{4}-\d{2}-\d{2})\s+/;
// Link text left at the end of a paragraph ("… on Friday. ...continue reading").
const TRAILING_LINK =
  /(?:\s*(?:\.{3}|…)\s*|\s+)(?:continue reading|read (?:the )?(?:full (?:story|article)|more))\W*$/i;
// An embedded post's link and signature, which say nothing about whether the line is a sentence.
const EMBED_TAIL = /\s+pic\.twitter\.com\/\S+.*$/;

/** Splits off leading captions and date stamps, trims each line and drops trailing link text. */
export function toLines(lines: string[]): { lines: Line[]; stamp: string | null } {
  let stamp: string | null = null;
  const split = lines.flatMap((line) => {
    const match = DATE_STAMP.exec(line);
    if (match) stamp ??= match[1] ?? null;
    return splitLeadingCaption(match ? line.slice(match[0].length) : line).map((part, i) => ({ part, rest: i > 0 }));
  });
  const items = split.map(({ part, rest }) => {
    const raw = part.trim().replace(TRAILING_LINK, '');
    const text = raw.replace(/\s+/g, ' ').replace(EMBED_TAIL, '');
    return { raw, text, indented: /^\s/.test(part) && raw !== '', afterCaption: rest };
  });
  return { lines: items, stamp };
}

/** Lines that can never be a headline: chrome, datelines and bylines. */
export function isChromeLine(text: string, script: string | null): boolean {
  return (
    isNavLine(text) ||
    isBreadcrumb(text) ||
    isWidgetLine(text) ||
    isBlockMarker(text) ||
    isReadTime(text) ||
    isStoryCredit(text) ||
    isPhotoCredit(text) ||
    isPipeBar(text) ||
    isForeignScript(text, script) ||
    isIconText(text) ||
    parseDateLine(text) !== null ||
    isDateMeta(text) ||
    bylineAuthor(text) !== null ||
    roleBylineAuthor(text) !== null
  );
}

/**
 * Finds the headline: the first substantial line. A breadcrumb trail that ends with the headline
 * ("Home Somerset business Russian diplomat predicts ...") or a video title that carries its running time yields to
 * the standalone headline line after it.
 */
export function findTitle(
  lines: Line[],
  script: string | null,
): { index: number; raw: string; breadcrumb: number } | null {
  // Headlines are never list items: a list at the top of a page is a menu or a story list.
  const candidate = (minWords: number) =>
    lines.findIndex(
      (line) =>
        line.text !== '' &&
        !isChromeLine(line.text, script) &&
        !isBulletItem(line.text) &&
        letterWords(line.text) >= minWords,
    );
  const found = candidate(MIN_TITLE_WORDS);
  const first = found >= 0 ? found : candidate(2);
  const title = lines[first];
  if (!title || wordCount(title.text) > 30) return null;
  let seen = 0;
  for (let i = first + 1; i < lines.length && seen < TITLE_LOOKAHEAD; i++) {
    const text = lines[i]?.text ?? '';
    if (!text) continue;
    seen++;
    const within = title.text.includes(text) && wordCount(title.text) - wordCount(text) <= 6;
    if (text !== title.text && wordCount(text) >= 3 && within) {
      return { index: i, raw: lines[i]?.raw ?? text, breadcrumb: first };
    }
  }
  return { index: first, raw: title.raw, breadcrumb: -1 };
}

/** True for a breadcrumb trail or a "Headline – Site" line that holds the headline (of four words or more). */
export function isTitleCopy(key: string, titleKey: string): boolean {
  const extra = wordCount(key) - wordCount(titleKey);
  return wordCount(titleKey) >= 4 && extra <= 6 && key.includes(titleKey);
}

/** A list item long enough to be a sentence without its full stop: a key point of the story, not a link. */
export function isKeyPoint(text: string): boolean {
  return isBulletItem(text) && wordCount(text) >= MIN_KEY_POINT_WORDS;
}

/** True when the line right above line `i` (no blank line between) is a caption or the rest of one. */
export function isBelowCaption(last: ClassifiedLine | undefined, i: number, lines: Line[]): boolean {
  return last?.index === i - 1 && (last.kind === 'caption' || lines[last.index]?.afterCaption === true);
}

/** True for a line cut off (no full stop, or "…") whose text starts a longer line of the page: a repeat of it. */
export function isTruncatedCopy(text: string, lines: Line[]): boolean {
  const stem = text.replace(/\s*(?:\.{3}|…)$/, '');
  if (endsLikeSentence(stem) || wordCount(stem) < 5) return false;
  return lines.some((line) => line.text !== text && line.text.length > stem.length && line.text.startsWith(stem));
}

/**
 * True for a line that only repeats other paragraphs run together (a summary glued from the body): nothing of five
 * words or more is left once they are cut out.
 */
export function isGluedCopy(text: string, others: readonly string[]): boolean {
  let rest = text;
  for (const other of others) if (other !== text && wordCount(other) >= 8) rest = rest.split(other).join(' ');
  return rest !== text && letterWords(rest) < 5;
}

/** True when most paragraphs are separated by blank lines, so adjacency without one is meaningful. */
export function usesBlankSeparators(lines: Line[]): boolean {
  let blanks = 0;
  let adjacent = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]?.text) continue;
    if (lines[i - 1]?.text) adjacent++;
    else blanks++;
  }
  return blanks > adjacent;
}
