import type { RetrievedPassage } from '../corpus.ts';
import { validateUserText } from '../input.ts';
import type { CorpusStore } from '../ports/corpus-store.ts';
import { buildMatchQuery } from './match-query.ts';

export interface SearchResult {
  passages: RetrievedPassage[];
  terms: string[];
}

/**
 * Ranked passages for user text (BM25). Throws InputError for empty, over-long or non-text input;
 * text with no searchable words gives no passages.
 */
export async function searchPassages(store: CorpusStore, text: unknown, limit = 10): Promise<SearchResult> {
  const valid = validateUserText(text, 'search text');
  const query = buildMatchQuery(valid);
  if (query.groups.length === 0) return { passages: [], terms: query.terms };
  return { passages: await store.searchPassages(query.groups, limit), terms: query.terms };
}
