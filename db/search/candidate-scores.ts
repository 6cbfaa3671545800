import type { CorpusStats } from './corpus-stats.ts';
import type { PackedPostings } from './packed-postings.ts';
import { SKIP_ENTRIES, skipsOf } from './packed-skips.ts';
import { K1, type Postings } from './postings.ts';
import { RowHeap } from './row-heap.ts';

/**
 * Scores of the candidate passages once lists are applied to candidates only: their rowids ascending and
 * their scores in a dense array alongside. Tens of thousands of candidates spread over a million passages
 * cost a cache miss each in the per-passage accumulator; here every pass over them is sequential.
 */
export interface Candidates {
  rowids: Int32Array;
  scores: Float64Array;
  count: number;
}

/** k1 + 1, the numerator of every share. */
const KP1 = K1 + 1;

/**
 * bm25()'s share of `tf` occurrences in passage `rowid`: the same arithmetic as corpus.single for one
 * occurrence, computed rather than looked up (one random read fewer a passage, and no array to hold).
 */
export function shareOf(corpus: CorpusStats, weight: number, rowid: number, tf: number): number {
  const norm = corpus.norms[rowid] as number;
  return tf === 1 ? weight * ((K1 + 1) / (1 + norm)) : (weight * tf * (K1 + 1)) / (tf + norm);
}

/** Where the varint varintRest read ends (module state: a second return value without an object per entry). */
let varintEnd = 0;

/**
 * The varint whose first byte, `first` (past 0x7f), came just before `at`; leaves the offset after it in varintEnd.
 * The walks below read a one-byte entry inline and call this for longer ones: shared so, they measured the same
 * as with four inlined copies (a 410k + 103k + 22k + 5k-entry walk: median 8.6 against 9.0 ms CPU over three
 * alternating runs of 40, load 17), where a cursor object (as readVarint in packed-postings.ts) cost 10–15 % more.
 */
function varintRest(bytes: Uint8Array, at: number, first: number): number {
  let value = first & 0x7f;
  let scale = 0x80;
  let byte: number;
  let i = at;
  do {
    byte = bytes[i++] as number;
    value += (byte & 0x7f) * scale;
    scale *= 0x80;
  } while (byte >= 0x80);
  varintEnd = i;
  return value;
}

/** Moves the first `count` touched rowids, ascending, and their scores out of the accumulator (left zeroed). */
export function takeCandidates(corpus: CorpusStats, count: number): Candidates {
  const { scratch } = corpus;
  const scores = new Float64Array(count);
  // Many candidates (tens of thousands at 1M passages): one sequential sweep of the accumulator finds them in
  // order (a touched passage's score is positive) for less than sorting them and reading their scores at random.
  if (count * Math.log2(count + 1) > scratch.length / 2) {
    const rowids = new Int32Array(count);
    let k = 0;
    for (let rowid = 0; rowid < scratch.length && k < count; rowid++) {
      const score = scratch[rowid] as number;
      if (score === 0) continue;
      rowids[k] = rowid;
      scores[k++] = score;
      scratch[rowid] = 0;
    }
    return { rowids, scores, count };
  }
  const rowids = corpus.touched.slice(0, count).sort();
  for (let k = 0; k < count; k++) {
    const rowid = rowids[k] as number;
    scores[k] = corpus.scratch[rowid] as number;
    corpus.scratch[rowid] = 0;
  }
  return { rowids, scores, count };
}

/** The `size`-th best candidate score, or `floor` when that is higher (scores only grow: a former result is a floor). */
export function kthBestCandidate(candidates: Candidates, size: number, floor: number): number {
  const { rowids, scores, count } = candidates;
  if (count < size) return floor;
  const heap = new RowHeap(size);
  for (let k = 0; k < count; k++) {
    const score = scores[k] as number;
    if (score >= floor) heap.offer(rowids[k] as number, score);
  }
  return Math.max(floor, heap.floor());
}

/** Keeps the candidates scoring at least `floor`, in order. */
export function narrowCandidates(candidates: Candidates, floor: number): void {
  const { rowids, scores } = candidates;
  let kept = 0;
  for (let k = 0; k < candidates.count; k++) {
    const score = scores[k] as number;
    if (score < floor) continue;
    rowids[kept] = rowids[k] as number;
    scores[kept++] = score;
  }
  candidates.count = kept;
}

/**
 * Adds a list's shares to the candidates it holds: a galloping search per candidate when they are few
 * against the list, else one merge of the two ascending sequences.
 */
export function addToCandidates(corpus: CorpusStats, weight: number, postings: Postings, candidates: Candidates): void {
  const { rowids, counts } = postings;
  const { rowids: wanted, scores, count } = candidates;
  const gallop = count * (Math.log2(rowids.length / Math.max(1, count)) + 2) < rowids.length;
  let from = 0;
  for (let c = 0; c < count && from < rowids.length; c++) {
    const rowid = wanted[c] as number;
    if (gallop) {
      let step = 1;
      let hi = from;
      while (hi < rowids.length && (rowids[hi] as number) < rowid) {
        from = hi + 1;
        hi += step;
        step *= 2;
      }
      let lo = from;
      hi = Math.min(hi, rowids.length - 1);
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((rowids[mid] as number) < rowid) lo = mid + 1;
        else hi = mid - 1;
      }
      from = lo;
    } else {
      while (from < rowids.length && (rowids[from] as number) < rowid) from++;
    }
    if (from < rowids.length && rowids[from] === rowid) {
      scores[c] =
        (scores[c] as number) + shareOf(corpus, weight, rowid, counts === null ? 1 : (counts[from] as number));
    }
  }
}

/**
 * As addToCandidates for a packed list, decoded as it is walked (nothing allocated but the list's skips, when the
 * candidates are fewer than its runs of SKIP_ENTRIES: see packed-skips.ts): entries are a varint of
 * the rowid gap (doubled, the low bit flagging a count past one, when the list has counts), then the count less two.
 * The one-byte entry (most of a common word's) is the path kept short: the slowest long queries at 1M passages
 * spend half their time here, walking lists of 50k–400k entries for tens of thousands of candidates.
 */
export function addPackedToCandidates(
  corpus: CorpusStats,
  weight: number,
  packed: PackedPostings,
  candidates: Candidates,
): void {
  const { bytes, length } = packed;
  const withCounts = packed.most > 0;
  const norms = corpus.norms;
  const { rowids: wanted, scores, count } = candidates;
  if (count === 0) return;
  // Runs whose entries all lie before the next candidate are jumped over (few candidates against a long list).
  const skips = count * SKIP_ENTRIES < length ? skipsOf(packed) : null;
  let c = 0;
  let next = wanted[0] as number;
  let at = 0;
  let rowid = 0;
  for (let i = 0; i < length; i++) {
    if (skips !== null && i % SKIP_ENTRIES === 0) {
      // Candidates up to the last entry decoded are done: the next one decides which runs can be passed.
      while (i > 0 && next <= rowid) {
        if (++c >= count) return;
        next = wanted[c] as number;
      }
      let run = i / SKIP_ENTRIES;
      while (run + 1 < skips.count && (skips.before[run + 1] as number) < next) run++;
      if (run !== i / SKIP_ENTRIES) {
        i = run * SKIP_ENTRIES;
        at = skips.offsets[run] as number;
        rowid = skips.before[run] as number;
      }
    }
    let value = bytes[at++] as number;
    if (value >= 0x80) {
      value = varintRest(bytes, at, value);
      at = varintEnd;
    }
    let tf = 1;
    if (withCounts) {
      rowid += value >>> 1;
      if ((value & 1) === 1) {
        tf = bytes[at++] as number;
        if (tf >= 0x80) {
          tf = varintRest(bytes, at, tf);
          at = varintEnd;
        }
        tf += 2;
      }
    } else {
      rowid += value;
    }
    if (rowid < next) continue;
    while (next < rowid) {
      if (++c >= count) return;
      next = wanted[c] as number;
    }
    // shareOf, inlined with its exact arithmetic (a list scores the same packed or not, to the last bit).
    if (next === rowid) {
      const norm = norms[rowid] as number;
      scores[c] = (scores[c] as number) + (tf === 1 ? weight * (KP1 / (1 + norm)) : (weight * tf * KP1) / (tf + norm));
    }
  }
}

/** Adds a packed list's shares to every passage in it (as score-lists' addAll); returns the new touched count. */
export function addPackedToAll(
  corpus: CorpusStats,
  weight: number,
  packed: PackedPostings,
  touchedCount: number,
): number {
  const { scratch, touched, norms } = corpus;
  const { bytes } = packed;
  const end = bytes.length;
  const withCounts = packed.most > 0;
  const size = scratch.length;
  let n = touchedCount;
  let at = 0;
  let rowid = 0;
  while (at < end) {
    let value = bytes[at++] as number;
    if (value >= 0x80) {
      value = varintRest(bytes, at, value);
      at = varintEnd;
    }
    let tf = 1;
    if (withCounts) {
      rowid += value >>> 1;
      if ((value & 1) === 1) {
        tf = bytes[at++] as number;
        if (tf >= 0x80) {
          tf = varintRest(bytes, at, tf);
          at = varintEnd;
        }
        tf += 2;
      }
    } else {
      rowid += value;
    }
    if (rowid >= size) continue;
    const before = scratch[rowid] as number;
    if (before === 0) touched[n++] = rowid;
    const norm = norms[rowid] as number;
    scratch[rowid] = before + (tf === 1 ? weight * (KP1 / (1 + norm)) : (weight * tf * KP1) / (tf + norm));
  }
  return n;
}
