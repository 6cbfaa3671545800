import { tokenize } from '../language/tokenize.ts';
import type { PhraseGroups } from '../ports/corpus-store.ts';
import { expandTerm } from './aliases.ts';

export interface MatchQuery {
  /** The search terms of the text (before alias expansion). */
  terms: string[];
  /** Phrases grouped by query term (a term and its aliases); empty when the text has no searchable terms. */
  groups: PhraseGroups;
}

/**
 * The phrase groups for user text: each term with its aliases, one group per term, so BM25 ranks
 * passages that match more of them higher. The store decides how to search them.
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
  return { terms, groups };
}
