import type pg from 'pg';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from '../search/common-words.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import { lazyPostings } from '../search/packed-postings.ts';
import { type QueryList, type ScoringSource, scoreLists } from '../search/score-lists.ts';
import { recountPhrases } from './pg-candidates.ts';
import { createListCache } from './pg-list-cache.ts';
import { createListReader, type Prefetched } from './pg-list-reader.ts';
import { createNorms } from './pg-norms.ts';
import { distinctLists, type ListSpec, type VocabularyEntry, weighLists } from './pg-search-plan.ts';
import { queryListsSql } from './pg-search-sql.ts';

/** Rows kept for recounting when a query has phrases not counted yet (as the SQLite ranker). */
const PHRASE_CANDIDATES = 30;
/** Terms whose ids are remembered (to name the lists held when asking for the vocabulary), then forgotten. */
const MAX_IDS = 100_000;

/** A passage (by its `seq`) and its BM25 score, higher is better. */
export interface PgScored {
  seq: number;
  score: number;
}

/**
 * BM25 with FTS5's semantics over PostgreSQL's packed posting blocks (pg-blocks.ts): the same terms (FTS5's tokenizer, in JS),
 * the same N, lengths, IDF (from the stored vocabulary counts, no scan) and constants, so scores equal
 * SQLite's -bm25(). Ranking is db/search's: the lists a query needs are read from the database in one round
 * trip (and kept packed as SQLite's cache keeps them, least recently used dropped past 32 MB, see
 * pg-list-cache.ts), then scoreLists sums them once with its threshold algorithm and common-word policy. Phrases of several words are the passages holding all their terms,
 * scored as one occurrence and recounted in the best candidates' text.
 */
export function createPgSearch(pool: pg.Pool, tuning: SearchTuning = {}) {
  const norms = createNorms();
  const cache = createListCache(norms.learn);
  const reader = createListReader(pool, tuning);
  /** Ids of terms seen (a term keeps its id: rows of search_terms are never renumbered). */
  const ids = new Map<string, number>();

  return {
    /** The best `limit` passages for the OR of every phrase in `groups`, best first. */
    async rank(groups: PhraseGroups, limit: number): Promise<PgScored[]> {
      if (limit <= 0) return [];
      const wanted = [...new Set(groups.flat().flatMap((phrase) => fts5Terms(phrase)))];
      if (wanted.length === 0) return [];
      // A term alone in a phrase is a list scoring reads: it comes with the vocabulary unless held as of now.
      const alone = new Set(
        groups.flat().flatMap((phrase) => (fts5Terms(phrase).length === 1 ? fts5Terms(phrase) : [])),
      );
      const held = wanted.map((term) => {
        const id = ids.get(term);
        return alone.has(term) ? (id !== undefined && cache.held(`t${id}`)) || { last: 0, token: '' } : undefined;
      });
      const found = await pool.query<{
        id: number;
        term: string | null;
        passages: string;
        data: Buffer | null;
        after: number;
      }>({
        name: 'attache-query-lists',
        text: queryListsSql,
        values: [wanted, held.map((h) => h?.last ?? -1), held.map((h) => h?.token ?? ''), cache.removals()],
      });
      const total = (id: number) => Number(found.rows.find((row) => row.id === id)?.passages ?? 0);
      const rows = total(0);
      if (rows === 0) return [];
      const avg = total(-1) / rows;
      const version = { removals: total(-2), token: `${total(-2)}:${rows}:${total(-1)}` };
      norms.at({ rows, avg, removals: version.removals });
      const vocabulary = new Map<string, VocabularyEntry>();
      const prefetched = new Map<number, Prefetched>();
      for (const row of found.rows) {
        if (row.id <= 0 || row.term === null) continue;
        vocabulary.set(row.term, { id: row.id, n: Number(row.passages) });
        if (row.after >= 0) prefetched.set(row.id, { after: row.after, data: row.data });
        if (ids.size >= MAX_IDS) ids.clear();
        ids.set(row.term, row.id);
      }
      const specs = new Map(distinctLists(groups, vocabulary).map((spec) => [spec.key, spec]));
      if (specs.size === 0) return [];
      const threshold = commonThreshold(rows, tuning);
      const termCount = (spec: ListSpec) =>
        spec.terms.length === 1 ? (vocabulary.get(spec.terms[0] ?? '')?.n ?? 0) : 0;
      // Every list of the query, in one round trip (cached ones cost nothing). Reading a common list only when
      // scoring reached it meant scoring again from the start once it came (one pass wasted per query with a
      // list not held; 1M long p95 client CPU 88–93 → 58 ms, same minutes), and the list stays cached, packed,
      // for later queries: at 1M all the common terms' lists fit in the cache.
      const read = await cache.read([...specs.keys()], version, reader.fetcher(specs, prefetched));
      const weighed = weighLists(
        [...specs.values()],
        (spec) => (spec.terms.length === 1 ? termCount(spec) : (read.get(spec.key)?.length ?? 0)),
        rows,
        threshold,
      );
      const inexact = weighed.some((list) => read.get(list.spec.key)?.most === 0);
      const size = inexact ? Math.max(limit, tuning.candidates ?? PHRASE_CANDIDATES) : limit;
      const lists = weighed
        .map((list): QueryList => {
          const packed = read.get(list.spec.key);
          // Walked packed by scoring; unpacked only if something asks for its entries (a phrase's recount).
          // A phrase not counted yet (no counts) holds all its words somewhere: one occurrence, peak k1 + 1.
          return {
            phrase: list.spec.terms.join(' '),
            terms: list.spec.terms,
            weight: list.weight,
            documents: list.documents,
            common: list.common,
            postings: packed ? lazyPostings({ ...packed, peak: norms.peak(packed) }) : null,
          };
        })
        // Rare lists first (as the SQLite ranker): once a common one comes up, all the rare ones are read.
        .sort((a, b) => Number(a.common) - Number(b.common) || b.weight - a.weight);
      const stats = norms.stats();
      const source: ScoringSource = {
        corpus: stats,
        read(list) {
          if (!list.postings) throw new Error(`search: list of "${list.phrase}" not read`);
          return list.postings;
        },
        // Every list is read (and held): nothing is left to count in text.
        mayCountInText: () => false,
        countInText: (candidates) => candidates,
      };
      const scored = scoreLists(source, lists, size);
      const phrases = lists.filter((list) => list.postings?.packed?.most === 0);
      const rescored = await recountPhrases(pool, scored, phrases, stats.norms);
      return rescored
        .filter((row) => row.score > 0)
        .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
        .slice(0, limit)
        .map((row) => ({ seq: row.rowid, score: row.score }));
    },
  };
}
