import { decodeEntries } from './pg-blocks.ts';

/** Cached list entries (about 10 bytes each) kept across queries before the least recently used lists go. */
const MAX_ENTRIES = 4_000_000;

/** One term's postings, ascending by passage seq: how often it occurs there and the passage's length. */
export interface ListEntries {
  seqs: Int32Array;
  tfs: Uint16Array;
  lengths: Uint32Array;
}

/** The corpus version lists were read at: any removal drops every cached list; growth only appends. */
export interface ListVersion {
  removals: number;
  /** Anything that changes on every write (here: total passages and terms). */
  token: string;
}

/** `older` followed by `newer` (entries added since `older` was read; all their seqs are higher). */
export function appendEntries(older: ListEntries, newer: ListEntries): ListEntries {
  if (newer.seqs.length === 0) return older;
  const join = <T extends Int32Array | Uint16Array | Uint32Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    seqs: join(older.seqs, newer.seqs, (n) => new Int32Array(n)),
    tfs: join(older.tfs, newer.tfs, (n) => new Uint16Array(n)),
    lengths: join(older.lengths, newer.lengths, (n) => new Uint32Array(n)),
  };
}

/** What a list cache asks for: lists by key, each with the last seq it already holds (0: none). */
export type FetchLists = (stale: readonly { key: string; after: number }[]) => Promise<Map<string, ListEntries>>;

/**
 * Lists (postings of a term, or the passages holding all terms of a phrase) read from PostgreSQL and kept
 * in this process, least recently used dropped past a cap, so the words most queries contain cost nothing
 * after their first read. Nothing is read at start. When the corpus grows, a cached list fetches only its
 * entries past the last seq it holds (writers commit in seq order: they queue on the totals row); a
 * removal anywhere drops the cache.
 */
export function createListCache(maxEntries = MAX_ENTRIES) {
  const lists = new Map<string, { entries: ListEntries; token: string }>();
  let removals = -1;
  let held = 0;

  function keep(key: string, entries: ListEntries, token: string): void {
    const old = lists.get(key);
    if (old) {
      held -= old.entries.seqs.length;
      lists.delete(key);
    }
    lists.set(key, { entries, token });
    held += entries.seqs.length;
    for (const [oldest, list] of lists) {
      if (held <= maxEntries || oldest === key) break;
      lists.delete(oldest);
      held -= list.entries.seqs.length;
    }
  }

  return {
    /** Whether the list under `key` is held as of `version` (nothing is read). */
    holds(key: string, version: ListVersion): boolean {
      return version.removals === removals && lists.get(key)?.token === version.token;
    },

    /** The lists under `keys` as of `version`; `fetch` reads what is missing or behind, in one call. */
    async read(keys: readonly string[], version: ListVersion, fetch: FetchLists): Promise<Map<string, ListEntries>> {
      if (version.removals !== removals) {
        lists.clear();
        held = 0;
        removals = version.removals;
      }
      const out = new Map<string, ListEntries>();
      const stale: { key: string; after: number }[] = [];
      for (const key of new Set(keys)) {
        const cached = lists.get(key);
        if (cached?.token === version.token) {
          keep(key, cached.entries, cached.token);
          out.set(key, cached.entries);
          continue;
        }
        const seqs = cached?.entries.seqs;
        stale.push({ key, after: seqs && seqs.length > 0 ? (seqs[seqs.length - 1] as number) : 0 });
      }
      if (stale.length === 0) return out;
      const fetched = await fetch(stale);
      for (const { key } of stale) {
        const fresh = fetched.get(key) ?? decodeEntries(null);
        const cached = lists.get(key);
        const entries = cached ? appendEntries(cached.entries, fresh) : fresh;
        keep(key, entries, version.token);
        out.set(key, entries);
      }
      return out;
    },
  };
}
