/** Separates a saved news page's article from its page chrome (navigation, widgets, credits, link lists). */

import { isCaptionShaped, isPhotoCredit } from './caption-rules.ts';
import {
  duplicateKey,
  isBlockMarker,
  isBulletItem,
  isFactRow,
  isHeadingLike,
  isReadTime,
  isWidgetLine,
  outletFromDateline,
  outletFromNav,
} from './chrome-rules.ts';
import { bylineAuthor, isNameOnly, roleBylineAuthor } from './credit-rules.ts';
import { parseDateLine } from './date-hint.ts';
import {
  findTitle,
  isBelowCaption,
  isChromeLine,
  isGluedCopy,
  isKeyPoint,
  isTitleCopy,
  isTruncatedCopy,
  type Line,
  toLines,
  usesBlankSeparators,
} from './page-lines.ts';
import { dominantScript } from './page-script.ts';
import { type ClassifiedLine, type LineKind, resolveLines } from './resolve-lines.ts';
import { letterWords, wordCount } from './words.ts';

export interface ExtractedArticle {
  title: string | null;
  /** The article text: the headline (when the page has one) first, then the body, each line trimmed. */
  paragraphs: string[];
  hints: { author: string | null; publishedAt: string | null; outlet: string | null };
}

/** A caption is at most this long; a longer line next to a photo credit is article text. */
const MAX_CAPTION_WORDS = 50;

/**
 * Extracts the article from a saved page's plain-text lines: the headline, then the body paragraphs (each trimmed
 * but otherwise byte-for-byte as in its line, in order, without chrome or repeats), and metadata hints found on the
 * way. The headline is article text too: it is the first paragraph.
 */
export function extractArticle(input: string[]): ExtractedArticle {
  const { lines: items, stamp } = toLines(input);
  const script = dominantScript(items.map((line) => line.text));
  const hints: ExtractedArticle['hints'] = { author: null, publishedAt: null, outlet: null };
  const title = findTitle(items, script);
  const titleKey = title ? duplicateKey(title.raw) : null;
  const blankSeparated = usesBlankSeparators(items);
  const classified: ClassifiedLine[] = [];
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
    const add = (kind: LineKind) => classified.push({ index: i, raw: line.raw, text, kind });
    if (i === title?.index || i === title?.breadcrumb) {
      // The headline starts the article, so a story list above it ends there.
      inBlock = false;
      add(i === title.index ? 'title' : 'chrome');
      continue;
    }
    if (inBlock) {
      if (isBulletItem(text) || isHeadingLike(text)) {
        blockHeadline = true;
        add('chrome');
        continue;
      }
      if (line.indented || blockHeadline) {
        blockHeadline = false;
        add('chrome');
        continue;
      }
      inBlock = false;
    }

    const navOutlet = outletFromNav(text);
    if (navOutlet) hints.outlet ??= navOutlet;
    const author = bylineAuthor(text) ?? roleBylineAuthor(text);
    // A row of an infobox or fact table is article text even when it holds a date ("- Signed: 4 May 2023").
    const fact = isFactRow(text);
    const date = fact ? null : parseDateLine(text);
    const key = duplicateKey(text);
    if (author) hints.author = author;
    if (date) hints.publishedAt ??= date;
    // A bare name right above a reading-time badge is the byline ("Dmitry Antonov" / "·2 min read").
    if (isReadTime(text) && isNameOnly(before)) hints.author ??= before;
    if (isBlockMarker(text) && !isWidgetLine(text)) {
      inBlock = true;
      blockHeadline = false;
      add('chrome');
    } else if (
      author ||
      date ||
      (!fact && isChromeLine(text, script)) ||
      // The headline repeated in the body, alone or inside a breadcrumb trail or a site-name suffix.
      (titleKey && (key === titleKey || isTitleCopy(key, titleKey)))
    ) {
      if (isPhotoCredit(text)) {
        // The line directly above a photo credit is its caption or alt text: on a page that separates paragraphs
        // with blank lines any short one, elsewhere one shaped like a caption.
        const last = classified.at(-1);
        const words = last ? wordCount(last.text) : 0;
        const shaped =
          last !== undefined && (isCaptionShaped(last.text) || (blankSeparated && words <= MAX_CAPTION_WORDS));
        // Right above a credit line, a heading-like line (not a list item) is its caption or alt text on any page,
        // and so is the rest of a caption that ran on into a second sentence.
        const credit = wordCount(text) <= 8;
        const label = credit && last?.kind === 'heading' && wordCount(last.text) <= 20 && !isBulletItem(last.text);
        const runOn = credit && last !== undefined && items[last.index]?.afterCaption === true;
        if (last && last.index === i - 1 && (shaped || label || runOn) && last.kind !== 'title') last.kind = 'caption';
        add(credit ? 'credit' : 'caption');
      } else {
        // Under the headline, a heading-like line followed by widget text (a broken picture embed) is the picture's
        // caption, not a standfirst: a standfirst leads to the byline, the date, the picture or the body.
        const last = classified.at(-1);
        if (isWidgetLine(text) && last?.kind === 'heading' && !classified.some((c) => c.kind === 'body')) {
          last.kind = 'caption';
        }
        add('chrome');
      }
    } else if (isNameOnly(text) && isBelowCaption(classified.at(-1), i, items)) {
      // A bare name under a caption (or under the rest of one) is the photographer or the agency.
      (classified.at(-1) as ClassifiedLine).kind = 'caption';
      add('credit');
    } else if (isTruncatedCopy(text, items)) add('chrome');
    else if (isCaptionShaped(text)) add('weak-caption');
    else if (!isHeadingLike(text) || fact || isKeyPoint(text)) add('body');
    // Icons, counters and a bare two-word name are labels, never sub-heads.
    else add(letterWords(text) < 2 || (wordCount(text) === 2 && isNameOnly(text)) ? 'chrome' : 'heading');
  }

  resolveLines(classified);
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  const kept = classified.filter((line) => line.kind === 'body' || line.kind === 'title').map((line) => line.text);
  for (const line of classified) {
    if (line.kind !== 'body' && line.kind !== 'title') continue;
    if (wordCount(line.text) >= 20 && isGluedCopy(line.text, kept)) continue;
    const key = duplicateKey(line.text);
    if (seen.has(key)) continue;
    seen.add(key);
    if (line.kind === 'body') hints.outlet ??= outletFromDateline(line.text);
    paragraphs.push(line.raw);
  }
  hints.publishedAt ??= stamp;
  return { title: title?.raw ?? null, paragraphs, hints };
}
