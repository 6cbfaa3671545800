import { appendPacked, type PackedPostings, pack, unpack } from '../search/packed-postings.ts';
import type { Postings } from '../search/postings.ts';

/**
 * Bytes of packed lists kept across queries before the least recently used go: SQLite's cap (about 1.2 bytes
 * an entry, so at 1M passages every term in more than 2 % of them fits).
 */
const MAX_BYTES = 32 * 1024 * 1024;

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

/** What a list cache asks for: lists by key, each with the last seq it already holds (0: none). */
export type FetchLists = (stale: readonly { key: string; after: number }[]) => Promise<Map<string, ListEntries>>;

/** Entries as scoring's Postings: a phrase not counted yet (tf 0 throughout) has no counts. */
function packEntries(entries: ListEntries): Postings {
  const uncounted = entries.tfs.length > 0 && entries.tfs.every((tf) => tf === 0);
  return { rowids: entries.seqs, counts: uncounted ? null : entries.tfs, peak: 0 };
}

/**
 * `packed` with `tail` (higher seqs) on its end. A phrase's tail not counted makes the whole list uncounted
 * (membership only, recounted in the best candidates' text), as a fresh read of that many passages would.
 */
function grown(packed: PackedPostings, tail: Postings): PackedPostings {
  if (packed.most === 0 || tail.counts !== null) return appendPacked(packed, tail);
  const before = unpack(packed).rowids;
  const rowids = new Int32Array(before.length + tail.rowids.length);
  rowids.set(before);
  rowids.set(tail.rowids, before.length);
  return pack({ rowids, counts: null, peak: 0 });
}

/**
 * Lists (postings of a term, or the passages holding all terms of a phrase) read from PostgreSQL and kept
 * in this process packed as the SQLite cache keeps them (db/search/packed-postings.ts: about 1.2 bytes an
 * entry where the decoded arrays took 10), least recently used dropped past a cap in bytes, so the words most
 * queries contain cost nothing after their first read and scoring walks them packed. Nothing is read at start.
 * Every list read is shown to `learn` (its entries carry their passages' lengths, which the packed form leaves
 * out), with its packed form when read whole. When the corpus grows, a cached list fetches only its entries past the last seq it holds
 * (writers commit in seq order: they queue on the totals row); a removal anywhere drops the cache.
 */
export function createListCache(learn: (entries: ListEntries, whole?: PackedPostings) => void, maxBytes = MAX_BYTES) {
  const lists = new Map<string, { packed: PackedPostings; token: string }>();
  let removals = -1;
  let held = 0;

  function keep(key: string, packed: PackedPostings, token: string): void {
    const old = lists.get(key);
    if (old) {
      held -= old.packed.bytes.length;
      lists.delete(key);
    }
    lists.set(key, { packed, token });
    held += packed.bytes.length;
    for (const [oldest, list] of lists) {
      if (held <= maxBytes || oldest === key) break;
      lists.delete(oldest);
      held -= list.packed.bytes.length;
    }
  }

  return {
    /** The removal count the held lists were read at (-1: none read yet). */
    removals: () => removals,

    /** What is held under `key`: the last seq and the version token it was read at (nothing is read). */
    held(key: string): { last: number; token: string } | undefined {
      const list = lists.get(key);
      return list ? { last: list.packed.last, token: list.token } : undefined;
    },

    /** Whether the list under `key` is held as of `version` (nothing is read). */
    holds(key: string, version: ListVersion): boolean {
      return version.removals === removals && lists.get(key)?.token === version.token;
    },

    /** The lists under `keys` as of `version`; `fetch` reads what is missing or behind, in one call. */
    async read(keys: readonly string[], version: ListVersion, fetch: FetchLists): Promise<Map<string, PackedPostings>> {
      if (version.removals !== removals) {
        lists.clear();
        held = 0;
        removals = version.removals;
      }
      const out = new Map<string, PackedPostings>();
      const stale: { key: string; after: number }[] = [];
      for (const key of new Set(keys)) {
        const cached = lists.get(key);
        if (cached?.token === version.token) {
          keep(key, cached.packed, cached.token);
          out.set(key, cached.packed);
          continue;
        }
        stale.push({ key, after: cached?.packed.last ?? 0 });
      }
      if (stale.length === 0) return out;
      const fetched = await fetch(stale);
      for (const { key } of stale) {
        const fresh = fetched.get(key);
        const tail = packEntries(
          fresh ?? { seqs: new Int32Array(0), tfs: new Uint16Array(0), lengths: new Uint32Array(0) },
        );
        const cached = lists.get(key);
        const packed = cached ? grown(cached.packed, tail) : pack(tail);
        if (fresh) learn(fresh, cached ? undefined : packed);
        keep(key, packed, version.token);
        out.set(key, packed);
      }
      return out;
    },
  };
}
