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
// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const INITIALISM = /^(?:\p{L}\.)+$/u;

/**
 * The words of a text with offsets. "U.S."/"US" become "USA" (as in retrieval), a trailing
 * period is kept only on initialisms, and hyphenated compounds stay whole.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = withoutPeriod(match[0]);
    const start = match.index;
    const surface = countryName(raw);
    const lower = lowerForm(surface);
    out.push({ text: surface, lower, stem: lemma(lower), start, end: start + raw.length });
  }
  return out;
}

/** A match of WORD without its trailing period, unless an initialism ("U.S.") ends there. */
function withoutPeriod(raw: string): string {
  return raw.endsWith('.') && !INITIALISM.test(raw) ? raw.slice(0, -1) : raw;
}

/** "U.S."/"US" is the country (lower-case "us" stays a pronoun), also inside "US-Russia". */
function countryName(raw: string): string {
  return raw.replace(/^(?:U\.S\.?(?:A\.?)?|US)(?=-|$)/, 'USA');
}

function lowerForm(surface: string): string {
  return foldCase(surface).replaceAll('’', "'");
}

/** Whether a lower-case word is a stop-word (too common to carry content). */
export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower) || STOPWORDS.has(lower.replace(/['’]s$/, ''));
}

/** Stems of the content words of a text (stop-words and one-letter words dropped), in order, unique. */
export function contentStems(text: string): string[] {
  const seen = new Set<string>();
  // The words' lower-case forms as `words` writes them, without the Word objects and whole-word lemmas it also makes.
  for (const match of text.matchAll(WORD)) {
    for (const part of lowerForm(countryName(withoutPeriod(match[0]))).split('-')) {
      if (part.length < 2 || isStopword(part)) continue;
      seen.add(lemma(part));
    }
  }
  return [...seen];
}

/**
 * `contentStems` of a text from its words already split (`words` of the text, or of its sentences in order: a
 * sentence ends at white space, so no word spans two): the stems the words carry, without splitting the text again.
 */
export function contentStemsOf(ws: Iterable<Word>): string[] {
  const seen = new Set<string>();
  for (const w of ws) {
    if (!w.lower.includes('-')) {
      if (w.lower.length >= 2 && !isStopword(w.lower)) seen.add(w.stem);
      continue;
    }
    for (const part of w.lower.split('-')) {
      if (part.length < 2 || isStopword(part)) continue;
      seen.add(lemma(part));
    }
  }
  return [...seen];
}
