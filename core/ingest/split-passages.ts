/** Builds a document's article text and cuts it into citable passages. */

import type { PassageSpan } from '../corpus.ts';
import { splitSentences } from './split-sentences.ts';

export type { SentenceSpan } from './split-sentences.ts';
export { splitSentences } from './split-sentences.ts';

const DEFAULT_MAX_CHARS = 600;
const PARAGRAPH_BREAK = /\n[ \t\r]*\n\s*/g;

/** Joins article paragraphs into the stored article text: trimmed, empty ones dropped, separated by a blank line. */
export function buildArticleText(paragraphs: string[]): string {
  return paragraphs
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The [start, end) ranges of the blank-line-separated paragraphs of `text`, trimmed, empty ones skipped. */
function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (from: number, to: number): void => {
    const slice = text.slice(from, to);
    const start = from + (slice.length - slice.trimStart().length);
    const end = to - (slice.length - slice.trimEnd().length);
    if (end > start) ranges.push([start, end]);
  };
  let cursor = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    add(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  add(cursor, text.length);
  return ranges;
}

/** Groups consecutive sentences of an over-long paragraph into chunks of at most maxChars where possible. */
function chunkParagraph(text: string, start: number, end: number, maxChars: number): [number, number][] {
  const sentences = splitSentences(text.slice(start, end));
  const chunks: [number, number][] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  for (const sentence of sentences) {
    const sentenceStart = start + sentence.start;
    const sentenceEnd = start + sentence.end;
    if (chunkStart >= 0 && sentenceEnd - chunkStart > maxChars) {
      chunks.push([chunkStart, chunkEnd]);
      chunkStart = -1;
    }
    if (chunkStart < 0) chunkStart = sentenceStart;
    chunkEnd = sentenceEnd;
  }
  if (chunkStart >= 0) chunks.push([chunkStart, chunkEnd]);
  return chunks;
}

/**
 * Splits article text into passages: one per paragraph, except that a paragraph longer than maxChars (default 600)
 * is cut at sentence boundaries into chunks of whole sentences (a single sentence longer than maxChars stays whole).
 * Every passage satisfies articleText.slice(start, end) === text, has no surrounding whitespace, and ordinals run 0..n-1.
 */
export function splitPassages(articleText: string, options?: { maxChars?: number }): PassageSpan[] {
  const maxChars = Math.max(1, options?.maxChars ?? DEFAULT_MAX_CHARS);
  const spans: [number, number][] = [];
  for (const [start, end] of paragraphRanges(articleText)) {
    if (end - start <= maxChars) spans.push([start, end]);
    else spans.push(...chunkParagraph(articleText, start, end, maxChars));
  }
  return spans.map(([start, end], ordinal) => ({ ordinal, start, end, text: articleText.slice(start, end) }));
}
