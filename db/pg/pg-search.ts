import type pg from 'pg';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from '../search/common-words.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import { type QueryList, type ScoringSource, scoreLists } from '../search/score-lists.ts';
import { createListCache, decodeEntries, type FetchLists, type ListEntries } from './pg-list-cache.ts';
import { createNorms } from './pg-norms.ts';
import { distinctLists, type ListSpec, phraseOccurrences, weighLists } from './pg-search-plan.ts';
import { lookupSql, phraseListSql, termListsSql } from './pg-search-sql.ts';

/** A passage (by its `seq`) and its BM25 score, higher is better. */
export interface PgScored {
  seq: number;
  score: number;
}

/**
 * BM25 with FTS5's semantics over PostgreSQL's B-tree of postings: the same terms (FTS5's tokenizer, in JS),
 * the same N, lengths, IDF (from the stored vocabulary counts, no scan) and constants, so scores equal
 * SQLite's -bm25(). Ranking is db/search's: the lists a query needs are read from the database (and kept,
 * least recently used dropped, see pg-list-cache.ts), then scoreLists sums them with its threshold
 * algorithm and common-word policy. Phrases of several words are the passages holding all their terms,
 * scored as one occurrence and recounted in the best candidates' text.
 */
export function createPgSearch(pool: pg.Pool, tuning: SearchTuning = {}) {
  const cache = createListCache();
  const norms = createNorms();

  /** Reads stale lists: the terms' in one statement, each phrase's in one more. */
  function fetcher(specs: ReadonlyMap<string, ListSpec>): FetchLists {
    return async (stale) => {
      const out = new Map<string, ListEntries>();
      const terms = stale.filter(({ key }) => key.startsWith('t'));
      if (terms.length > 0) {
        const result = await pool.query<{ id: number; data: Buffer | null }>(termListsSql, [
          terms.map(({ key }) => Number(key.slice(1))),
          terms.map(({ after }) => after),
        ]);
        for (const row of result.rows) out.set(`t${row.id}`, decodeEntries(row.data));
      }
      for (const { key, after } of stale) {
        const ids = key.startsWith('p') ? specs.get(key)?.ids : undefined;
        if (!ids) continue;
        const terms = specs.get(key)?.terms ?? [];
        const result = await pool.query<{ seq: number; length: number; text: string }>(phraseListSql(ids.length), [
          ids,
          after,
        ]);
        out.set(key, countPhrase(terms, result.rows));
      }
      return out;
    };
  }

  return {
    /** The best `limit` passages for the OR of every phrase in `groups`, best first. */
    async rank(groups: PhraseGroups, limit: number): Promise<PgScored[]> {
      if (limit <= 0) return [];
      const wanted = [...new Set(groups.flat().flatMap((phrase) => fts5Terms(phrase)))];
      if (wanted.length === 0) return [];
      const found = await pool.query<{ id: number; term: string | null; passages: string }>(lookupSql, [wanted]);
      const total = (id: number) => Number(found.rows.find((row) => row.id === id)?.passages ?? 0);
      const rows = total(0);
      if (rows === 0) return [];
      const avg = total(-1) / rows;
      const version = { removals: total(-2), token: `${total(-2)}:${rows}:${total(-1)}` };
      const vocabulary = new Map(
        found.rows
          .filter((row) => row.id > 0)
          .map((row) => [row.term as string, { id: row.id, n: Number(row.passages) }]),
      );
      const specs = new Map(distinctLists(groups, vocabulary).map((spec) => [spec.key, spec]));
      if (specs.size === 0) return [];
      const read = await cache.read([...specs.keys()], version, fetcher(specs));
      const weighed = weighLists([...specs.values()], read, rows, commonThreshold(rows, tuning));
      const prepared = norms.prepare(
        version.token,
        rows,
        avg,
        weighed.map((list) => list.entries),
      );
      const lists = weighed
        .map(
          (list, i): QueryList => ({
            phrase: list.terms.join(' '),
            terms: list.terms,
            weight: list.weight,
            documents: list.documents,
            common: list.common,
            postings: prepared.postings[i] ?? null,
          }),
        )
        // Rare lists first (as the SQLite ranker): once a common one comes up, all the rare ones are read.
        .sort((a, b) => Number(a.common) - Number(b.common) || b.weight - a.weight);
      const source: ScoringSource = {
        corpus: prepared.stats,
        read: (list) => list.postings as NonNullable<QueryList['postings']>,
        // Every list is read before scoring (the database is async, scoring is not), so none is counted in text.
        mayCountInText: () => false,
        countInText: (rows) => rows,
      };
      return scoreLists(source, lists, limit).map((row) => ({ seq: row.rowid, score: row.score }));
    },
  };
}

/**
 * A phrase's list from the passages holding all its terms: each passage's FTS5 terms (only words that may
 * be phrase terms are stemmed), the phrase counted in them, passages where its terms never run in order
 * left out. Exact, as FTS5's phrase query, so the list is scored like a term's.
 */
export function countPhrase(
  phrase: readonly string[],
  rows: readonly { seq: number; length: number; text: string }[],
): ListEntries {
  const initials = new Set(phrase.map((term) => term[0] ?? ''));
  const seqs: number[] = [];
  const tfs: number[] = [];
  const lengths: number[] = [];
  for (const row of rows) {
    const tf = phraseOccurrences(fts5Terms(row.text, initials), phrase);
    if (tf === 0) continue;
    seqs.push(row.seq);
    tfs.push(Math.min(tf, 0xffff));
    lengths.push(row.length);
  }
  return { seqs: Int32Array.from(seqs), tfs: Uint16Array.from(tfs), lengths: Uint32Array.from(lengths) };
}
