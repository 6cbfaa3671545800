import type pg from 'pg';
import type { ListVersion } from './pg-list-cache.ts';
import type { Prefetched } from './pg-list-reader.ts';
import type { VocabularyEntry } from './pg-search-plan.ts';
import { queryListsSql } from './pg-search-sql.ts';

/** Terms remembered (ids, and the last version's counts) before they are forgotten, to bound memory. */
const MAX_TERMS = 100_000;
/** After the corpus was found to have moved under a ranking from memory, rankings read first for this long. */
const QUIET_MS = 5_000;

/** What a query needs to know of the corpus before scoring: BM25's N and average length, and its terms. */
export interface CorpusView {
  rows: number;
  avg: number;
  version: ListVersion;
  /** The query's terms found in the corpus. */
  vocabulary: Map<string, VocabularyEntry>;
  /** Postings read with the vocabulary, by term id (lists not held as of `version`). */
  prefetched: Map<number, Prefetched>;
}

/** What the list cache tells about a list: the last seq and version token it holds (pg-list-cache.ts). */
export interface HeldLists {
  removals(): number;
  held(key: string): { last: number; token: string } | undefined;
}

/** The version token pg-search-sql.ts computes in SQL (removals:passages:terms). */
export const versionToken = (removals: number, rows: number, terms: number): string => `${removals}:${rows}:${terms}`;

/**
 * The vocabulary side of Postgres search: reads a query's terms with the lists not held (one statement,
 * queryListsSql), and remembers the last version read with the counts of its terms, so a query whose terms and
 * lists are all held as of that version can be ranked from memory and the version checked with the passages it
 * returns (pg-corpus-repository.ts): one round trip where there were two. A check that finds the corpus moved
 * turns that off for QUIET_MS (a corpus being written reads first). Ids are kept across versions (a term's row
 * is never renumbered) to name the lists held; both maps are bounded by MAX_TERMS.
 */
export function createVocabulary(pool: pg.Pool, lists: HeldLists) {
  const ids = new Map<string, number>();
  let last: Omit<CorpusView, 'vocabulary' | 'prefetched'> | null = null;
  let counts = new Map<string, VocabularyEntry | null>();
  let quietUntil = 0;

  return {
    /**
     * The view as of the last version read, when every term of `wanted` was seen at it and every list of
     * `keys` (given the view's vocabulary) is held at it; else null. Reads nothing.
     */
    remembered(wanted: readonly string[], keys: (vocabulary: Map<string, VocabularyEntry>) => string[]) {
      if (last === null || Date.now() < quietUntil || lists.removals() !== last.version.removals) return null;
      const vocabulary = new Map<string, VocabularyEntry>();
      for (const term of wanted) {
        const entry = counts.get(term);
        if (entry === undefined) return null;
        if (entry !== null) vocabulary.set(term, entry);
      }
      const token = last.version.token;
      if (keys(vocabulary).some((key) => lists.held(key)?.token !== token)) return null;
      return { ...last, vocabulary, prefetched: new Map() } satisfies CorpusView;
    },

    /** The corpus now, with `wanted`'s terms and the postings of `alone`'s not held as of now (null: empty corpus). */
    async read(wanted: readonly string[], alone: ReadonlySet<string>): Promise<CorpusView | null> {
      const held = wanted.map((term) => {
        if (!alone.has(term)) return { last: -1, token: '' };
        const id = ids.get(term);
        return (id !== undefined && lists.held(`t${id}`)) || { last: 0, token: '' };
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
        values: [wanted, held.map((h) => h.last), held.map((h) => h.token), lists.removals()],
      });
      const total = (id: number) => Number(found.rows.find((row) => row.id === id)?.passages ?? 0);
      const rows = total(0);
      if (rows === 0) return null;
      const version = { removals: total(-2), token: versionToken(total(-2), rows, total(-1)) };
      if (last?.version.token !== version.token || counts.size + wanted.length > MAX_TERMS) counts = new Map();
      last = { rows, avg: total(-1) / rows, version };
      const vocabulary = new Map<string, VocabularyEntry>();
      const prefetched = new Map<number, Prefetched>();
      for (const row of found.rows) {
        if (row.id <= 0 || row.term === null) continue;
        vocabulary.set(row.term, { id: row.id, n: Number(row.passages) });
        if (row.after >= 0) prefetched.set(row.id, { after: row.after, data: row.data });
        if (ids.size >= MAX_TERMS) ids.clear();
        ids.set(row.term, row.id);
      }
      for (const term of wanted) counts.set(term, vocabulary.get(term) ?? null);
      return { ...last, vocabulary, prefetched };
    },

    /** The version found with a ranking from memory (`expected`): false, and ranking reads first a while, if it moved. */
    confirm(expected: string, found: string): boolean {
      if (expected === found) return true;
      quietUntil = Date.now() + QUIET_MS;
      return false;
    },
  };
}
