import type pg from 'pg';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from '../search/common-words.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import type { BlockDirectory } from './pg-block-intervals.ts';
import { rankBlockMax } from './pg-block-max.ts';
import { createBlockReader } from './pg-block-reader.ts';
import { recountPhrases } from './pg-candidates.ts';
import { createListCache, type ListEntries } from './pg-list-cache.ts';
import { createListReader } from './pg-list-reader.ts';
import { distinctLists, type ListSpec, weighLists } from './pg-search-plan.ts';
import { lookupSql } from './pg-search-sql.ts';

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
 * SQLite's -bm25(). Rare terms' lists and phrases are read whole (and kept, least recently used dropped, see
 * pg-list-cache.ts); common terms (the common-word threshold) a block at a time, only the blocks whose
 * bounds can still reach the top (pg-block-max.ts), so the top is exact without summing their long lists.
 * Phrases of several words are the passages holding all their terms, counted in their text, or past
 * phraseTexts scored as one occurrence and recounted in the best candidates' text.
 */
export function createPgSearch(pool: pg.Pool, tuning: SearchTuning = {}) {
  const cache = createListCache();
  const blocks = createBlockReader(pool);
  const reader = createListReader(pool, tuning);

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
      const threshold = commonThreshold(rows, tuning);
      const termCount = (spec: ListSpec) =>
        spec.terms.length === 1 ? (vocabulary.get(spec.terms[0] ?? '')?.n ?? 0) : 0;
      // A common term is ranked a block at a time; rare terms' lists and phrases are read (and kept) whole.
      const blocked = (spec: ListSpec) => termCount(spec) > threshold;
      const read = new Map(
        await cache.read(
          [...specs.values()].filter((spec) => !blocked(spec)).map((spec) => spec.key),
          version,
          reader.fetcher(specs),
        ),
      );
      const weighed = weighLists(
        [...specs.values()],
        (spec) => (spec.terms.length === 1 ? termCount(spec) : (read.get(spec.key)?.seqs.length ?? 0)),
        rows,
        threshold,
      );
      const full = weighed.filter((list) => !blocked(list.spec));
      const common = weighed.filter((list) => blocked(list.spec));
      const phrases = full.filter((list) => hasUncounted(read.get(list.spec.key)));
      const size = phrases.length > 0 ? Math.max(limit, tuning.candidates ?? PHRASE_CANDIDATES) : limit;
      const directories = await blocks.directories(
        common.map((list) => list.spec.ids[0] ?? 0),
        version.token,
      );
      const scored = await rankBlockMax(
        full.map((list) => ({ weight: list.weight, entries: read.get(list.spec.key) as ListEntries })),
        common.map((list) => {
          const termId = list.spec.ids[0] ?? 0;
          return { termId, weight: list.weight, directory: directories.get(termId) as BlockDirectory };
        }),
        avg,
        size,
        blocks.fetch,
      );
      const rescored = await recountPhrases(
        pool,
        scored,
        phrases.map((list) => ({
          weight: list.weight,
          terms: list.spec.terms,
          seqs: (read.get(list.spec.key) as ListEntries).seqs,
        })),
        avg,
      );
      return rescored
        .filter((row) => row.score > 0)
        .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
        .slice(0, limit)
        .map((row) => ({ seq: row.rowid, score: row.score }));
    },
  };
}

const uncounted = new WeakMap<ListEntries, boolean>();

/** Whether a list holds passages whose phrase was not counted yet (tf 0); remembered per list, as lists are long. */
function hasUncounted(entries: ListEntries | undefined): boolean {
  if (!entries) return false;
  let found = uncounted.get(entries);
  if (found === undefined) {
    found = entries.tfs.includes(0);
    uncounted.set(entries, found);
  }
  return found;
}
