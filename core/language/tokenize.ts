import { STOPWORDS } from './stopwords.ts';

/** Longest query, in terms, that reaches the index; more adds cost, not precision. */
const MAX_TERMS = 24;

/**
 * Splits user text into lower-cased search terms: letters and digits only,
 * stop-words and one-letter fragments dropped, duplicates removed.
 * Upper-case "US"/"U.S." means the country, lower-case "us" the pronoun.
 */
export function tokenize(text: string): string[] {
  const normalized = text
    .normalize('NFKC')
    .replace(/\bU\.S\.(?:A\.)?/g, ' usa ')
    .replace(/\bUS\b/g, ' usa ')
    .replace(/['’]s\b/gi, '');
  const words = normalized.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 2 && !/\p{N}/u.test(word)) continue;
    if (STOPWORDS.has(word)) continue;
    if (!out.includes(word)) out.push(word);
    if (out.length >= MAX_TERMS) break;
  }
  return out;
}
