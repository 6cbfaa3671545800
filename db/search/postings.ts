/** Occurrence lists read from passages_fts, as the ranker keeps them. */

import type { PackedPostings } from './packed-postings.ts';

/** FTS5's bm25() constants. */
export const K1 = 1.2;
export const B = 0.75;

/**
 * The passages a phrase occurs in, ascending by rowid, with how often it occurs in each (`counts`), or
 * null counts when only membership is known (phrases of several terms, or outside ASCII, where the
 * term cannot be looked up by itself and one occurrence is assumed until the candidates are rescored).
 */
export interface Postings {
  rowids: Int32Array;
  counts: Uint8Array | Uint16Array | null;
  /** The most one occurrence list can add to a passage's score before IDF: max tf·(k1+1)/(tf+norm). */
  peak: number;
  /** The same list packed, when it came from the SQLite cache: scoring walks it without unpacking it. */
  packed?: PackedPostings;
}

/**
 * The numbers of a comma-separated list from group_concat, sorted ascending. Reading one string and
 * parsing it leaves far less garbage than an array of rows (which pushed peak memory up by tens of MB).
 */
export function parseNumbers(text: string | null): Int32Array {
  if (!text) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Int32Array(count);
  let n = 0;
  let value = 0;
  let sorted = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      if (n > 0 && value < (out[n - 1] as number)) sorted = false;
      out[n++] = value;
      value = 0;
    } else {
      value = value * 10 + (c - 48);
    }
  }
  // The vtab yields ascending rowids, but group_concat does not promise an order.
  return sorted ? out : out.sort();
}

/** Run-length encodes the ascending rowid of every occurrence into rowids with occurrence counts. */
export function fromOccurrences(docs: Int32Array, norms: Float64Array): Postings {
  let distinct = 0;
  let most = 0;
  let run = 0;
  for (let i = 0; i < docs.length; i++) {
    run = i > 0 && docs[i] === docs[i - 1] ? run + 1 : 1;
    if (run === 1) distinct++;
    if (run > most) most = run;
  }
  const rowids = new Int32Array(distinct);
  // One byte per count unless a passage holds a term more than 255 times.
  const counts = most > 0xff ? new Uint16Array(distinct) : new Uint8Array(distinct);
  let n = -1;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as number;
    if (n >= 0 && rowids[n] === doc) counts[n] = Math.min((counts[n] as number) + 1, 0xffff);
    else {
      n++;
      rowids[n] = doc;
      counts[n] = 1;
    }
  }
  let peak = 0;
  for (let i = 0; i < distinct; i++) {
    const tf = counts[i] as number;
    const weight = (tf * (K1 + 1)) / (tf + (norms[rowids[i] as number] ?? K1));
    if (weight > peak) peak = weight;
  }
  return { rowids, counts, peak };
}
