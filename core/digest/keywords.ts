/**
 * Include / exclude keywords of a digest subscription: plain words and phrases, never patterns. Text and
 * keywords are compared as sequences of whole words, case and accents ignored ("Arms control" matches
 * "arms-control talks" but "arm" does not match "arms").
 */
import { InputError } from '../errors.ts';

export const MAX_KEYWORDS = 10;
export const MAX_KEYWORD_CHARS = 60;

/** Lower-case words without accents: letters and digits, everything else separates. */
export function keywordWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Checks a keyword list: an array of strings, or one string of comma-separated keywords ("nato, arms control").
 * Returns each keyword as its words joined by single spaces, duplicates dropped.
 */
export function parseKeywords(value: unknown, which: 'include' | 'exclude'): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (items === null || items.some((item) => typeof item !== 'string')) {
    throw new InputError('bad_keywords', `The ${which} keywords must be words or phrases separated by commas.`);
  }
  const keywords: string[] = [];
  for (const item of items as string[]) {
    if (item.trim() === '') continue;
    if (item.trim().length > MAX_KEYWORD_CHARS) {
      throw new InputError(
        'bad_keywords',
        `The ${which} keyword "${item.trim().slice(0, 20)}…" is too long; keep each to ${MAX_KEYWORD_CHARS} characters.`,
      );
    }
    const words = keywordWords(item);
    if (words.length === 0) {
      throw new InputError(
        'bad_keywords',
        `The ${which} keyword "${item.trim()}" has no letters or digits. Use plain words or phrases.`,
      );
    }
    const keyword = words.join(' ');
    if (!keywords.includes(keyword)) keywords.push(keyword);
  }
  if (keywords.length > MAX_KEYWORDS) {
    throw new InputError('bad_keywords', `Give at most ${MAX_KEYWORDS} ${which} keywords (${keywords.length} given).`);
  }
  return keywords;
}

/** Text prepared for keyword matching: its words, space-separated and padded, so a phrase is a substring. */
export function keywordHaystack(text: string): string {
  return ` ${keywordWords(text).join(' ')} `;
}

/** Whether the prepared text contains the keyword as whole words in a row. */
export function containsKeyword(haystack: string, keyword: string): boolean {
  return haystack.includes(` ${keyword} `);
}

/** One line on a subscription's filters ("Only stories with: nato, arms control. Never: sport."), or null. */
export function describeFilters(options: {
  includeKeywords: readonly string[];
  excludeKeywords: readonly string[];
  whenEmpty: 'notice' | 'silent';
}): string | null {
  const parts = [
    options.includeKeywords.length > 0 ? `Only stories with: ${options.includeKeywords.join(', ')}.` : null,
    options.excludeKeywords.length > 0 ? `Never stories with: ${options.excludeKeywords.join(', ')}.` : null,
    options.whenEmpty === 'silent' ? 'Nothing is posted on days without new stories.' : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}
