import { B, K1 } from '../search/postings.ts';
import { RowHeap, type ScoredRow } from '../search/row-heap.ts';
import { type BlockDirectory, coverIntervals } from './pg-block-intervals.ts';
import type { ListEntries } from './pg-list-cache.ts';

/** Blocks read in the first round; each later round reads twice as many. */
const FIRST_ROUND_BLOCKS = 256;
/** Slack for the bounds' rounding: an interval is skipped only when it is clearly below the k-th score. */
const EPSILON = 1e-9;

/** A list read in full (a rare term, or a phrase): its entries, scored exactly. */
export interface FullList {
  weight: number;
  entries: ListEntries;
}

/** A common term, known by its block directory until blocks are read. */
export interface BlockList {
  termId: number;
  weight: number;
  directory: BlockDirectory;
}

/** Reads blocks by key, packed (pg-blocks.ts), in the order asked. */
export type FetchBlocks = (keys: readonly { termId: number; firstSeq: number }[]) => Promise<Uint8Array[]>;

/** bm25()'s share of a list (IDF × copies `weight`) occurring `tf` times in a passage of `length` terms. */
export function shareOf(weight: number, tf: number, length: number, avg: number): number {
  return (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / avg));
}

/** Grown as needed and zeroed after each use: the per-passage sums of the full lists. */
let scratch = new Float64Array(0);

/** Each passage of the full lists (ascending) with the sum of their shares. */
function sumFullLists(lists: readonly FullList[], avg: number): { seqs: Int32Array; partials: Float64Array } {
  let highest = 0;
  let total = 0;
  for (const { entries } of lists) {
    total += entries.seqs.length;
    const last = entries.seqs[entries.seqs.length - 1];
    if (last !== undefined && last > highest) highest = last;
  }
  if (scratch.length <= highest) scratch = new Float64Array(Math.max(highest + 1, Math.ceil(scratch.length * 1.5)));
  const touched = new Int32Array(total);
  let n = 0;
  for (const { weight, entries } of lists) {
    const { seqs, tfs, lengths } = entries;
    for (let i = 0; i < seqs.length; i++) {
      const seq = seqs[i] as number;
      const before = scratch[seq] as number;
      if (before === 0) touched[n++] = seq;
      // A phrase not counted yet (tf 0) holds all its words: one occurrence until recounted.
      scratch[seq] = before + shareOf(weight, Math.max(1, tfs[i] as number), lengths[i] as number, avg);
    }
  }
  const seqs = touched.subarray(0, n).sort();
  const partials = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    partials[i] = scratch[seqs[i] as number] as number;
    scratch[seqs[i] as number] = 0;
  }
  return { seqs, partials };
}

/** Touched seqs of the accumulator while one interval is resolved. */
let touched = new Int32Array(1024);
let touchedCount = 0;

/** Adds to `scratch` a packed block's shares for its passages from `lo` up to (not including) `hi`. */
function addPacked(bytes: Uint8Array, lo: number, hi: number, weight: number, avg: number): void {
  let at = 0;
  const varint = (): number => {
    let byte = bytes[at++] as number;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80;
    do {
      byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    return value;
  };
  while (at < bytes.length) {
    at++; // chunk marker
    const count = varint();
    let seq = 0;
    for (let i = 0; i < count; i++) {
      seq += varint();
      const tf = varint();
      const length = varint();
      if (seq < lo || seq >= hi) continue;
      const before = scratch[seq] as number;
      if (before === 0) {
        if (touchedCount === touched.length) {
          const bigger = new Int32Array(touched.length * 2);
          bigger.set(touched);
          touched = bigger;
        }
        touched[touchedCount++] = seq;
      }
      scratch[seq] = before + shareOf(weight, tf, length, avg);
    }
  }
}

/**
 * The best `size` passages by BM25 summed over `full` lists (read) and `blocks` lists (common terms, read a
 * block at a time), exactly: block-max MaxScore over seq intervals. The common terms' blocks cut the seqs
 * into intervals, each bounded by its covering blocks' bounds plus the best full-list sum inside it;
 * intervals are resolved best bound first (their blocks read in rounds, one statement each) until no bound
 * left can reach the k-th best score, so most blocks of a common term are never read.
 */
export async function rankBlockMax(
  full: readonly FullList[],
  blocks: readonly BlockList[],
  avg: number,
  size: number,
  fetch: FetchBlocks,
): Promise<ScoredRow[]> {
  const heap = new RowHeap(size);
  const { seqs, partials } = sumFullLists(full, avg);
  const cover = coverIntervals(
    blocks.map((list) => list.directory),
    (t, maxTf, minLength) => shareOf((blocks[t] as BlockList).weight, maxTf, minLength, avg),
  );
  const { starts, ends, bounds, covering, offsets } = cover;
  const terms = blocks.length;
  const count = starts.length;
  // Full-list passages inside each interval (a range of `seqs`), the best of their sums; the rest are final.
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  const priority = Float64Array.from(bounds);
  let at = 0;
  for (let k = 0; k < count; k++) {
    while (at < seqs.length && (seqs[at] as number) < (starts[k] as number)) {
      heap.offer(seqs[at] as number, partials[at] as number);
      at++;
    }
    from[k] = at;
    let best = 0;
    while (at < seqs.length && (seqs[at] as number) < (ends[k] as number))
      best = Math.max(best, partials[at++] as number);
    to[k] = at;
    priority[k] = (bounds[k] as number) + best;
  }
  for (; at < seqs.length; at++) heap.offer(seqs[at] as number, partials[at] as number);

  // The k-th best full-list sum is a floor from the start: those passages score at least that much in the end.
  const partialTop = new RowHeap(size);
  for (let i = 0; i < seqs.length; i++) partialTop.offer(seqs[i] as number, partials[i] as number);
  const floor = () => Math.max(heap.floor(), partialTop.floor()) - EPSILON;
  const start = floor();
  const order = Int32Array.from({ length: count }, (_, k) => k)
    .filter((k) => (priority[k] as number) >= start)
    .sort((a, b) => (priority[b] as number) - (priority[a] as number));
  const read: (Uint8Array | undefined)[] = new Array(offsets[terms] ?? 0);
  let next = 0;
  let budget = FIRST_ROUND_BLOCKS;
  while (next < order.length && (priority[order[next] as number] as number) >= floor()) {
    const least = floor();
    const round: number[] = [];
    const wanted: number[] = [];
    const asked = new Set<number>();
    while (next < order.length && wanted.length < budget && (priority[order[next] as number] as number) >= least) {
      const k = order[next++] as number;
      round.push(k);
      for (let t = 0; t < terms; t++) {
        const block = covering[k * terms + t] as number;
        if (block >= 0 && read[block] === undefined && !asked.has(block)) {
          asked.add(block);
          wanted.push(block);
        }
      }
    }
    const keys = wanted.map((block) => cover.key(block));
    const fetched = await fetch(
      keys.map(({ term, index }) => ({
        termId: (blocks[term] as BlockList).termId,
        firstSeq: (blocks[term] as BlockList).directory.firstSeqs[index] as number,
      })),
    );
    wanted.forEach((block, i) => {
      read[block] = fetched[i];
    });
    for (const k of round) {
      const lo = starts[k] as number;
      const hi = ends[k] as number;
      if (scratch.length < hi) scratch = new Float64Array(Math.max(hi, Math.ceil(scratch.length * 1.5)));
      touchedCount = 0;
      for (let t = 0; t < terms; t++) {
        const block = covering[k * terms + t] as number;
        const bytes = block >= 0 ? read[block] : undefined;
        if (bytes) addPacked(bytes, lo, hi, (blocks[t] as BlockList).weight, avg);
      }
      // Full-list passages last, whether or not a block holds them (their sums are final otherwise).
      for (let i = from[k] as number; i < (to[k] as number); i++) {
        const seq = seqs[i] as number;
        heap.offer(seq, (partials[i] as number) + (scratch[seq] as number));
        scratch[seq] = 0;
      }
      for (let i = 0; i < touchedCount; i++) {
        const seq = touched[i] as number;
        const score = scratch[seq] as number;
        if (score === 0) continue;
        heap.offer(seq, score);
        scratch[seq] = 0;
      }
    }
    budget *= 2;
  }
  return heap.sorted();
}
