/**
 * The second pass of chrome stripping: lines whose kind depends on their neighbours. A heading-like line is a
 * sub-head when article text follows it, the end of a page cut off mid-sentence when it closes the page right after
 * article text, and chrome otherwise (kickers, link lists, alt texts). A line shaped like a caption is one when it
 * sits next to a photo credit or another caption.
 */

import { letterWords, wordCount } from './words.ts';

export type LineKind = 'title' | 'body' | 'heading' | 'caption' | 'weak-caption' | 'credit' | 'chrome';

export interface ClassifiedLine {
  /** Position in the page's lines, so adjacency (no blank line between) can be told. */
  index: number;
  raw: string;
  text: string;
  kind: LineKind;
}

// Sub-heads start like a title; a lower-case start is a fragment (a file name, an alt text, a cut-off word).
const TITLE_START = /^(?:[-–•·]\s+)?[\p{Lu}\p{N}"“'‘*=([]/u;
// A line that attributes ("X says Y") is another story's headline, not a sub-head of this one.
const ATTRIBUTED = /\b(?:says|claims|tells|warns|urges)\b|\bstates (?:it|that|he|she|they)\b/i;
// Between the headline and the body, short lines are labels (outlet, section, "Agencies"); a standfirst is a clause.
const MIN_STANDFIRST_WORDS = 6;

const CHROME_KINDS: ReadonlySet<LineKind> = new Set(['chrome', 'caption', 'credit']);
const PICTURE_KINDS: ReadonlySet<LineKind> = new Set(['caption', 'credit']);
const isTextual = (line: ClassifiedLine) => !CHROME_KINDS.has(line.kind);
// "— Another story's headline." items of a related-coverage list; key points under a headline run longer.
const TEASER = /^[—–]\s+\S/;
const MAX_TEASER_WORDS = 16;

const isPictureLine = (line: ClassifiedLine | undefined) => line?.kind === 'caption' || line?.kind === 'credit';

/** Lines shaped like captions become captions next to one (at most one blank line apart), else article text. */
function resolveCaptions(lines: ClassifiedLine[]): void {
  const near = (a: ClassifiedLine, b: ClassifiedLine | undefined) =>
    b !== undefined && Math.abs(a.index - b.index) <= 2;
  for (const order of [1, -1]) {
    const at = order === 1 ? lines.map((_, i) => i) : lines.map((_, i) => lines.length - 1 - i);
    for (const i of at) {
      const line = lines[i] as ClassifiedLine;
      if (line.kind !== 'weak-caption') continue;
      const neighbours = [lines[i - 1], lines[i + 1]].filter((n) => n !== undefined && near(line, n));
      if (neighbours.some(isPictureLine)) line.kind = 'caption';
    }
  }
  for (const line of lines) if (line.kind === 'weak-caption') line.kind = 'body';
}

/**
 * The article ends on a line without a full stop (a page cut off mid-sentence): the page's last line, or its last
 * before pictures only, when article text precedes it. Right after a photo credit it is the next caption.
 */
function resolveTail(lines: ClassifiedLine[], titleAt: number): ClassifiedLine | undefined {
  const tailAt = lines.findLastIndex((line) => !PICTURE_KINDS.has(line.kind));
  const tail = lines[tailAt];
  const before = lines.slice(0, Math.max(tailAt, 0)).findLast(isTextual);
  // Only after article text: after another heading-like line it may as well be the caption of a closing gallery.
  const ok =
    tail?.kind === 'heading' &&
    tailAt > titleAt &&
    lines[tailAt - 1]?.kind !== 'credit' &&
    (before?.kind === 'body' || before?.kind === 'title') &&
    TITLE_START.test(tail.text) &&
    letterWords(tail.text) >= 3;
  if (!ok) return undefined;
  tail.kind = 'body';
  return tail;
}

/** Decides every heading-like line after the headline from what follows and precedes it. */
function resolveHeadings(lines: ClassifiedLine[]): void {
  const firstBody = lines.findIndex((line) => line.kind === 'body');
  const titleAt = lines.findIndex((line) => line.kind === 'title');
  const tail = resolveTail(lines, titleAt);
  // Short heading-like lines between the headline and the body are labels (outlet, section): chrome.
  const original = lines.map((line, i) =>
    line.kind === 'heading' && i < firstBody && wordCount(line.text) < MIN_STANDFIRST_WORDS ? 'chrome' : line.kind,
  );
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as ClassifiedLine;
    if (line.kind !== 'heading') continue;
    line.kind = 'chrome';
    if (i < titleAt || !TITLE_START.test(line.text) || ATTRIBUTED.test(line.text)) continue;
    if (original[i] === 'chrome') continue;
    // A run of heading-like lines is a list (related stories, a menu), not a sub-head.
    if (original[i - 1] === 'heading') continue;
    const next = original.findIndex((kind, j) => j > i && !CHROME_KINDS.has(kind));
    if (next >= 0 && (original[next] === 'body' || lines[next] === tail)) line.kind = 'body';
  }
}

/** Two or more dash-led short items in a row (blank lines aside) are a list of links to other stories. */
function resolveTeasers(lines: ClassifiedLine[]): void {
  const isTeaser = (line: ClassifiedLine | undefined) =>
    line !== undefined && TEASER.test(line.text) && wordCount(line.text) <= MAX_TEASER_WORDS;
  for (const [i, line] of lines.entries()) {
    if (isTeaser(line) && (isTeaser(lines[i - 1]) || isTeaser(lines[i + 1]))) line.kind = 'chrome';
  }
}

/** Resolves the lines whose kind depends on their neighbours, in place. */
export function resolveLines(lines: ClassifiedLine[]): void {
  resolveTeasers(lines);
  resolveCaptions(lines);
  resolveHeadings(lines);
}
