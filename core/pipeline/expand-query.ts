import { irregularForms, lemma } from '../language/lemma.ts';
import { synonymGroups } from '../language/synonyms.ts';
import { tokenize } from '../language/tokenize.ts';
import type { PhraseGroups } from '../ports/corpus-store.ts';
import { expandTerm } from '../retrieval/aliases.ts';

/** Most alternatives one question word may add to the search. */
const MAX_ALTERNATIVES = 10;

/**
 * The search groups for a question (each an OR of alternatives; the store quotes every phrase, so
 * no user character is syntax), widened with what the engine accepts as the same word: irregular
 * forms ("met" for "meet"), synonyms ("spokesman" for "speaks for") and the retrieval aliases.
 * Words common in the corpus are the store's concern (db/search's one common-word policy).
 */
export function expandedGroups(text: string): PhraseGroups {
  const terms = tokenize(text);
  if (terms.length === 0) return [];
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const term of terms) {
    const base = lemma(term);
    const alternatives = [
      term,
      ...expandTerm(term),
      ...irregularForms(base),
      ...synonymGroups(base).flatMap((g) => g.words),
    ].filter((alt) => !seen.has(alt) && /[\p{L}\p{N}]/u.test(alt));
    const unique = [...new Set(alternatives)].slice(0, MAX_ALTERNATIVES);
    if (unique.length === 0) continue;
    for (const alt of unique) seen.add(alt);
    groups.push(unique);
  }
  return groups;
}
