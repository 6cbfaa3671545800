import { foldCase } from './fold.ts';
import { lemma } from './lemma.ts';
import { STOPWORDS } from './stopwords.ts';

/** A word of a text with its offsets. */
export interface Word {
  /** As written (after "U.S." → "USA" normalisation). */
  text: string;
  lower: string;
  /** Base form (lemma): what words are matched on. */
  stem: string;
  start: number;
  end: number;
}

/** Letters/digits with inner apostrophes, hyphens, periods or commas ("Putin's", "100,000", "U.S."). */
const WORD = /[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*\.?/gu;

/**
 * The words of a text with offsets. "U.S."/"US" become "USA" (as in retrieval), a trailing
 * period is kept only on initialisms, and hyphenated compounds stay whole.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    let raw = match[0];
    if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
    const start = match.index;
    // "U.S."/"US" is the country (lower-case "us" stays a pronoun), also inside "US-Russia".
    const surface = raw.replace(/^(?:U\.S\.?(?:A\.?)?|US)(?=-|$)/, 'USA');
    const lower = foldCase(surface).replaceAll('’', "'");
    out.push({ text: surface, lower, stem: lemma(lower), start, end: start + raw.length });
  }
  return out;
}

/** Whether a lower-case word is a stop-word (too common to carry content). */
export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower) || STOPWORDS.has(lower.replace(/['’]s$/, ''));
}

/** Stems of the content words of a text (stop-words and one-letter words dropped), in order, unique. */
export function contentStems(text: string): string[] {
  const seen = new Set<string>();
  for (const word of words(text)) {
    for (const part of word.lower.split('-')) {
      if (part.length < 2 || isStopword(part)) continue;
      seen.add(lemma(part));
    }
  }
  return [...seen];
}
