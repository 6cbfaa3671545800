import type { PhraseGroups } from '../ports/corpus-store.ts';
import { expandTerm } from './aliases.ts';
import { tokenize } from './tokenize.ts';

export interface MatchQuery {
  /** The FTS5 MATCH expression, or null when the text has no searchable terms. */
  expression: string | null;
  /** The terms the expression was built from (before alias expansion). */
  terms: string[];
  /** The expression's phrases, grouped by query term (a term and its aliases); empty when expression is null. */
  groups: string[][];
}

/** Quotes a phrase as an FTS5 string so no character of it is syntax. */
export function quotePhrase(phrase: string): string {
  return `"${phrase.replaceAll('"', '""')}"`;
}

/** One group as FTS5 syntax: a quoted phrase, or an OR of them in parentheses. */
export function groupExpression(group: readonly string[]): string {
  return group.length === 1 ? quotePhrase(group[0] as string) : `(${group.map(quotePhrase).join(' OR ')})`;
}

/** The OR of every group, or null when there are none. */
export function matchExpression(groups: PhraseGroups): string | null {
  const nonEmpty = groups.filter((group) => group.length > 0);
  return nonEmpty.length === 0 ? null : nonEmpty.map(groupExpression).join(' OR ');
}

/**
 * Builds a safe FTS5 expression from user text: each term becomes a quoted
 * string (or an OR group of its aliases) and the groups are OR-ed, so BM25
 * ranks passages that match more of them higher. User text never reaches
 * MATCH raw.
 */
export function buildMatchQuery(text: string): MatchQuery {
  const terms = tokenize(text);
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const term of terms) {
    const aliases = expandTerm(term).filter((alias) => !seen.has(alias));
    if (aliases.length === 0) continue;
    for (const alias of aliases) seen.add(alias);
    groups.push(aliases);
  }
  return { expression: matchExpression(groups), terms, groups };
}
