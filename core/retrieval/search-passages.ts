import type { RetrievedPassage } from '../corpus.ts';
import { validateUserText } from '../input.ts';
import type { CorpusStore, RankOptions } from '../ports/corpus-store.ts';
import { buildMatchQuery } from './match-query.ts';

export interface SearchResult {
  passages: RetrievedPassage[];
  terms: string[];
}

/**
 * Ranked passages for user text (BM25 over FTS5). Throws InputError for empty,
 * over-long or non-text input; text with no searchable words gives no passages.
 * On a large corpus the commonest words are scored for the best candidates only
 * (see CorpusStore.rankPassages); `options` tunes that.
 */
export async function searchPassages(
  store: CorpusStore,
  text: unknown,
  limit = 10,
  options?: RankOptions,
): Promise<SearchResult> {
  const valid = validateUserText(text, 'search text');
  const query = buildMatchQuery(valid);
  if (query.expression === null) return { passages: [], terms: query.terms };
  return { passages: await store.rankPassages(query.groups, limit, options), terms: query.terms };
}
