import type pg from 'pg';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from '../search/common-words.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import { lazyPostings } from '../search/packed-postings.ts';
import { type QueryList, type ScoringSource, scoreLists } from '../search/score-lists.ts';
import { recountPhrases } from './pg-candidates.ts';
import { createListCache } from './pg-list-cache.ts';
import { createListReader } from './pg-list-reader.ts';
import { createNorms } from './pg-norms.ts';
import { distinctLists, type ListSpec, type VocabularyEntry, weighLists } from './pg-search-plan.ts';
import { createVocabulary } from './pg-vocabulary.ts';

/** Rows kept for recounting when a query has phrases not counted yet (as the SQLite ranker). */
const PHRASE_CANDIDATES = 30;

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
  const vocabularyOf = createVocabulary(pool, cache);

  return {
    /**
     * The best `limit` passages for the OR of every phrase in `groups`, best first. With `fromMemory`, a query
     * whose terms and lists are all held as of the last version read is ranked without reading anything, and
     * `token` is that version: the caller checks it with what it reads next and, if it moved, asks again without.
     */
    async rank(
      groups: PhraseGroups,
      limit: number,
      fromMemory = false,
    ): Promise<{ ranked: PgScored[]; token: string | null }> {
      const none = { ranked: [], token: null };
      if (limit <= 0) return none;
      const wanted = [...new Set(groups.flat().flatMap((phrase) => fts5Terms(phrase)))];
      if (wanted.length === 0) return none;
      const keys = (vocabulary: Map<string, VocabularyEntry>) =>
        distinctLists(groups, vocabulary).map((spec) => spec.key);
      const remembered = fromMemory ? vocabularyOf.remembered(wanted, keys) : null;
      // A term alone in a phrase is a list scoring reads: it comes with the vocabulary unless held as of now.
      const alone = new Set(
        groups.flat().flatMap((phrase) => (fts5Terms(phrase).length === 1 ? fts5Terms(phrase) : [])),
      );
      const view = remembered ?? (await vocabularyOf.read(wanted, alone));
      if (view === null) return none;
      const token = remembered ? view.version.token : null;
      const { rows, avg, version, vocabulary, prefetched } = view;
      norms.at({ rows, avg, removals: version.removals });
      const specs = new Map(distinctLists(groups, vocabulary).map((spec) => [spec.key, spec]));
      if (specs.size === 0) return { ranked: [], token };
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
      const ranked = rescored
        .filter((row) => row.score > 0)
        .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
        .slice(0, limit)
        .map((row) => ({ seq: row.rowid, score: row.score }));
      return { ranked, token };
    },

    /** Whether the version a ranking from memory used (`token`) is the one `found` now; if not, rank again. */
    confirm: (token: string, found: string): boolean => vocabularyOf.confirm(token, found),
  };
}
