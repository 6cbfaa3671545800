import type Database from 'better-sqlite3';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from './common-words.ts';
import { type CorpusStats, createStatsCache, type Snapshot } from './corpus-stats.ts';
import { fts5Terms } from './fts5-terms.ts';
import { K1 } from './postings.ts';
import type { ScoredRow } from './row-heap.ts';
import { type QueryList, type ScoringSource, scoreLists, share } from './score-lists.ts';

/**
 * Lists longer than this share of the common threshold are stored packed (stored-lists.ts): below the
 * threshold they are still read whole (a word in 15k passages costs FTS5 some 5–10 ms at 1M).
 */
const STORED_SHARE = 0.25;

/** Rows selected, when phrases of several words are scored as one occurrence, before they are recounted. */
const DEFAULT_CANDIDATES = 30;

/** bm25()'s IDF: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 as SQLite does. */
function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

/** How often the phrase (a run of terms) occurs in the passage's terms. */
function occurrences(terms: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  const last = terms.length - phrase.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    count++;
  }
  return count;
}

/** Binary search in an ascending list. */
export function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid] as number;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * BM25 ranking of OR-ed phrase groups that stays cheap on a large corpus, with FTS5's own statistics,
 * formula and constants. FTS5 scores every row a query matches (about a microsecond each, plus a pass
 * over each phrase's whole doclist for its IDF), so a word found in a third of the passages costs tens
 * of milliseconds. While the groups match few rows, the caller runs that one exact FTS5 query. Past
 * that, scores are summed here from each phrase's occurrence list (read through fts5vocab and cached
 * per version of the corpus) or from its count in a candidate's text (same tokenizer); see scoreLists
 * for how the commonest words are confined to candidates.
 */
export function createPassageRanker(client: Database.Database, generation: () => number) {
  const stats = createStatsCache(client, generation);
  /**
   * The read-ahead slice the last ranking left for idle time. It runs on the next turn of the event loop (after the
   * reply has gone out) or at the start of the next ranking, whichever comes first, so every ranking sees the caches
   * it would see had the slice run at once: which lists are cached can change a ranking.
   */
  let pending: (() => void) | null = null;
  const flush = (): void => {
    const run = pending;
    pending = null;
    run?.();
  };
  const defer = (snapshot: Snapshot, threshold: number): void => {
    pending = () => {
      // A slice for a version of the corpus that is gone would fill caches nothing reads.
      if (client.open && stats.snapshot() === snapshot) stats.warm(snapshot, threshold);
    };
    setImmediate(flush).unref();
  };
  const textStatement = client
    .prepare('SELECT rowid, text FROM passages WHERE rowid IN (SELECT value FROM json_each(?))')
    .raw();

  function source(
    snapshot: Snapshot,
    corpus: CorpusStats,
    keys: Map<QueryList, string>,
    threshold: number,
  ): ScoringSource {
    return {
      corpus,
      // Whenever it is cheaper, not only the first time: the cache cannot keep every common word of a large
      // corpus, and reading one again just to cache it (tens of ms at 1M passages) cost more every time.
      mayCountInText: () => true,
      read(list) {
        list.postings ??= stats.postings(
          snapshot,
          list.phrase,
          keys.get(list) ?? list.phrase,
          list.documents > threshold * STORED_SHARE ? threshold * STORED_SHARE : null,
        );
        return list.postings;
      },
      countInText(rows, lists, once) {
        if (rows.length === 0) return rows;
        const texts = new Map(textStatement.all(JSON.stringify(rows.map((row) => row.rowid))) as [number, string][]);
        const initials = new Set([...lists, ...once].flatMap((list) => list.terms.map((term) => term[0] ?? '')));
        return rows.map((row) => {
          const text = texts.get(row.rowid);
          if (text === undefined) return row;
          const terms = fts5Terms(text, initials);
          const norm = corpus.norms[row.rowid] as number;
          let score = row.score;
          for (const list of lists) {
            const tf = occurrences(terms, list.terms);
            if (tf > 0) score += share(list.weight, tf, norm);
          }
          for (const list of once) {
            if (list.terms.length === 0 || !list.postings || !contains(list.postings.rowids, row.rowid)) continue;
            // FTS5 says the phrase is there: never fewer than the one occurrence already scored.
            const tf = Math.max(1, occurrences(terms, list.terms));
            score += share(list.weight, tf, norm) - share(list.weight, 1, norm);
          }
          return { rowid: row.rowid, score };
        });
      },
    };
  }

  return {
    /**
     * For idle time: reads the passages' norms of this version of the corpus (~40 ms at 100k passages), which the
     * first ranking past the cheap path would otherwise read. Lists are read ahead only a slice per ranking, as
     * before (see `pending`): which lists are cached can change a ranking, while the norms are exact.
     */
    warmUp(): boolean {
      flush();
      stats.corpus(stats.snapshot());
      return false;
    },

    /**
     * Ranked rowids for the OR of every phrase in `groups`, best first, or null when the groups match
     * few enough rows for one FTS5 query over the whole expression (exact and cheap; the caller runs it).
     */
    rank(groups: PhraseGroups, limit: number, options: SearchTuning = {}): ScoredRow[] | null {
      flush();
      const snapshot = stats.snapshot();
      const threshold = commonThreshold(snapshot.passages, options);
      const distinct = new Map<string, QueryList>();
      const keys = new Map<QueryList, string>();
      let matched = 0;
      for (const phrase of groups.flat()) {
        const terms = fts5Terms(phrase);
        // A phrase without JS terms is left to FTS5's own tokenizer, by its text.
        const key = terms.length > 0 ? terms.join(' ') : `\u0000${phrase}`;
        const seen = distinct.get(key);
        if (seen) {
          seen.weight += 1;
          matched += seen.documents;
          continue;
        }
        const documents = stats.documents(snapshot, phrase, key);
        matched += documents;
        const list: QueryList = { phrase, terms, weight: 1, documents, common: documents > threshold, postings: null };
        distinct.set(key, list);
        keys.set(list, key);
      }
      // Few matches: one FTS5 query over the whole expression is cheap and exact.
      if (matched <= threshold) return null;

      const corpus = stats.corpus(snapshot);
      for (const [key, list] of distinct) {
        list.weight *= idf(corpus.rows, list.documents); // weight counted the copies so far
        list.postings = stats.cached(snapshot, key);
      }
      // Rare lists first: once a common one comes up, all the rare ones have been read. A phrase found
      // nowhere adds nothing (and its IDF would make a large, useless bound).
      const lists = [...distinct.values()]
        .filter((list) => list.documents > 0)
        .sort((a, b) => Number(a.common) - Number(b.common) || b.weight - a.weight);
      // Lists of one term carry exact counts, so the top `limit` by their sum is the answer; a phrase
      // of several words is scored as one occurrence, so a few more rows are kept and recounted.
      const inexact = lists.some((list) => list.terms.length !== 1);
      const size = inexact ? Math.max(limit, options.candidates ?? DEFAULT_CANDIDATES) : limit;
      const scoring = source(snapshot, corpus, keys, threshold);
      const rows = scoreLists(scoring, lists, size);
      // A counted list's peak is below k1 + 1 (every norm is positive), so the peak spares unpacking it to ask.
      const once = lists.filter(
        (list) => list.postings !== null && list.postings.peak === K1 + 1 && list.postings.counts === null,
      );
      const rescored = once.length > 0 ? scoring.countInText(rows, [], once) : rows;
      defer(snapshot, threshold);
      return rescored.sort((a, b) => b.score - a.score || a.rowid - b.rowid).slice(0, limit);
    },
  };
}
