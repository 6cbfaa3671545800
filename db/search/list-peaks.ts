import { K1, type Postings } from './postings.ts';

/**
 * A list's peak, max tf·(k1+1)/(tf+norm) over its entries, kept across appends without walking the list again.
 * `shortest[tf]` is the rowid of the shortest passage holding the term tf times (-1: none; see shortestByCount in
 * packed-postings.ts). A norm grows with the length whatever the average length, and the share falls as the norm
 * grows (in floating point too: each operation is monotone), so the peak is the largest share over these entries,
 * equal to the bit to a walk over every entry (peakOf). After a poll every held list's peak was such a walk
 * (12 % of the slowest long queries' time).
 */
export function peakOfShortest(shortest: Int32Array, norms: Float64Array): number {
  if (shortest.length <= 1) return K1 + 1;
  let peak = 0;
  for (let tf = 1; tf < shortest.length; tf++) {
    const rowid = shortest[tf] as number;
    if (rowid < 0) continue;
    const share = (tf * (K1 + 1)) / (tf + (norms[rowid] ?? K1));
    if (share > peak) peak = share;
  }
  return peak;
}

/** `shortest` (of a list with counts) updated by entries with counts: a tail, or a whole list read as arrays. */
export function withEntries(shortest: Int32Array, postings: Postings, norms: Float64Array): Int32Array {
  const { rowids, counts } = postings;
  if (counts === null) return shortest;
  // A list with counts has a largest count of at least 1, even empty (as pack() sets it).
  let most = Math.max(1, shortest.length - 1);
  for (let i = 0; i < counts.length; i++) most = Math.max(most, counts[i] as number);
  const out = new Int32Array(most + 1).fill(-1);
  out.set(shortest);
  for (let i = 0; i < rowids.length; i++) {
    const rowid = rowids[i] as number;
    const tf = counts[i] as number;
    const held = out[tf] as number;
    if (held < 0 || (norms[rowid] ?? K1) < (norms[held] ?? K1)) out[tf] = rowid;
  }
  return out;
}
