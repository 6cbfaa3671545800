/** Separates a saved news page's article from its page chrome (navigation, widgets, credits, link lists). */

import {
  bylineAuthor,
  duplicateKey,
  isBlockMarker,
  isBreadcrumb,
  isBulletItem,
  isHeadingLike,
  isNameOnly,
  isNavLine,
  isPhotoCredit,
  isReadTime,
  isStoryCredit,
  isWidgetLine,
  outletFromDateline,
  outletFromNav,
  splitLeadingCaption,
  wordCount,
} from './chrome-rules.ts';
import { parseDateLine } from './date-hint.ts';

export interface ExtractedArticle {
  title: string | null;
  paragraphs: string[];
  hints: { author: string | null; publishedAt: string | null; outlet: string | null };
}

interface Line {
  /** The trimmed line, kept byte-for-byte for output. */
  raw: string;
  /** The trimmed line with whitespace runs (including no-break spaces) collapsed, for classification. */
  text: string;
  indented: boolean;
}

/** A caption is at most this long; a longer line next to a photo credit is article text. */
const MAX_CAPTION_WORDS = 50;
const TITLE_LOOKAHEAD = 6;

function toLines(lines: string[]): Line[] {
  return lines.flatMap(splitLeadingCaption).map((line) => {
    const raw = line.trim();
    return { raw, text: raw.replace(/\s+/g, ' '), indented: /^\s/.test(line) && raw !== '' };
  });
}

/** Lines that can never be a headline: chrome, datelines and bylines. */
function isChromeLine(text: string): boolean {
  return (
    isNavLine(text) ||
    isBreadcrumb(text) ||
    isWidgetLine(text) ||
    isBlockMarker(text) ||
    isReadTime(text) ||
    isStoryCredit(text) ||
    isPhotoCredit(text) ||
    parseDateLine(text) !== null ||
    bylineAuthor(text) !== null
  );
}

/**
 * Finds the headline: the first substantial line. A breadcrumb trail that ends with the headline
 * ("Home Somerset business Russian diplomat predicts ...") yields to the standalone headline line after it.
 */
function findTitle(lines: Line[]): { index: number; raw: string; breadcrumb: number } | null {
  // Headlines are never list items: a list at the top of a page is a menu or a story list.
  const first = lines.findIndex(
    (line) => line.text !== '' && !isChromeLine(line.text) && !isBulletItem(line.text) && wordCount(line.text) >= 2,
  );
  const candidate = lines[first];
  if (!candidate || wordCount(candidate.text) > 30) return null;
  let seen = 0;
  for (let i = first + 1; i < lines.length && seen < TITLE_LOOKAHEAD; i++) {
    const text = lines[i]?.text ?? '';
    if (!text) continue;
    seen++;
    if (text !== candidate.text && wordCount(text) >= 3 && candidate.text.endsWith(text)) {
      return { index: i, raw: lines[i]?.raw ?? text, breadcrumb: first };
    }
  }
  return { index: first, raw: candidate.raw, breadcrumb: -1 };
}

/** True when most paragraphs are separated by blank lines, so adjacency without one is meaningful. */
function usesBlankSeparators(lines: Line[]): boolean {
  let blanks = 0;
  let adjacent = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]?.text) continue;
    if (lines[i - 1]?.text) adjacent++;
    else blanks++;
  }
  return blanks > adjacent;
}

/**
 * Extracts the article from a saved page's plain-text lines: the headline, the body paragraphs (each trimmed but
 * otherwise byte-for-byte as in its line, in order, without chrome or repeats) and metadata hints found on the way.
 */
export function extractArticle(lines: string[]): ExtractedArticle {
  const items = toLines(lines);
  const hints: ExtractedArticle['hints'] = { author: null, publishedAt: null, outlet: null };
  const title = findTitle(items);
  const titleKey = title ? duplicateKey(title.raw) : null;
  const blankSeparated = usesBlankSeparators(items);
  const kept: { raw: string; text: string; index: number }[] = [];
  const seen = new Set<string>();
  // Inside a story list: items are bullets, indented teasers, or a headline followed by one teaser line.
  let inBlock = false;
  let blockHeadline = false;
  let previousText = '';

  for (let i = 0; i < items.length; i++) {
    const line = items[i] as Line;
    const text = line.text;
    if (!text) continue;
    const before = previousText;
    previousText = text;
    if (i === title?.index || i === title?.breadcrumb) {
      // The headline starts the article, so a story list above it ends there.
      inBlock = false;
      continue;
    }

    if (inBlock) {
      if (isBulletItem(text) || isHeadingLike(text)) {
        blockHeadline = true;
        continue;
      }
      if (line.indented || blockHeadline) {
        blockHeadline = false;
        continue;
      }
      inBlock = false;
    }

    const navOutlet = outletFromNav(text);
    if (navOutlet) hints.outlet ??= navOutlet;
    if (isNavLine(text) || isBreadcrumb(text) || isWidgetLine(text) || isStoryCredit(text)) continue;
    if (isBlockMarker(text)) {
      inBlock = true;
      blockHeadline = false;
      continue;
    }
    const author = bylineAuthor(text);
    if (author) {
      hints.author = author;
      continue;
    }
    if (isReadTime(text)) {
      // A bare name right above a reading-time badge is the byline ("Dmitry Antonov" / "·2 min read").
      if (isNameOnly(before)) hints.author ??= before;
      continue;
    }
    const date = parseDateLine(text);
    if (date) {
      hints.publishedAt ??= date;
      continue;
    }
    const key = duplicateKey(text);
    // The headline repeated in the body, alone or at the end of a breadcrumb trail.
    if (titleKey && (key === titleKey || (key.endsWith(titleKey) && wordCount(text) - wordCount(titleKey) <= 6))) {
      continue;
    }
    if (isPhotoCredit(text)) {
      // The line directly above a photo credit (no blank line between) is its caption or alt text.
      const last = kept.at(-1);
      if (blankSeparated && last && last.index === i - 1 && wordCount(last.text) <= MAX_CAPTION_WORDS) {
        kept.pop();
        seen.delete(duplicateKey(last.text));
      }
      continue;
    }
    if (isHeadingLike(text)) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    hints.outlet ??= outletFromDateline(text);
    kept.push({ raw: line.raw, text, index: i });
  }

  return { title: title?.raw ?? null, paragraphs: kept.map((paragraph) => paragraph.raw), hints };
}
