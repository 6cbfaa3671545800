import type { CorpusStats } from '../search/corpus-stats.ts';
import { type PackedPostings, peakOf } from '../search/packed-postings.ts';
import { B, K1 } from '../search/postings.ts';
import type { ListEntries } from './pg-list-cache.ts';

/** The corpus as BM25 sees it: passages (N), their average length, and the removals so far. */
export interface NormsVersion {
  rows: number;
  avg: number;
  removals: number;
}

const EMPTY = new Float64Array(0);

/**
 * The per-passage arrays db/search/score-lists.ts scores with (CorpusStats) for the Postgres corpus. Lengths
 * are learnt from the lists read (each entry of a posting block carries its passage's length), so nothing is
 * read up front, and kept across versions: a passage's length never changes until a removal (which forgets
 * them all, as the list cache drops every list), and a new average only recomputes the norms of the lengths
 * known (one pass, a few ms at 1M). Arrays are sized by the highest seq learnt, grown on demand. Per passage:
 * length 4 bytes, norm 8, score accumulator 8, touched rowid 4. Seqs are sparse in a long-lived corpus (removals
 * and edits leave gaps), so the work is kept to the seqs learnt, listed in `known`: growing and a new average
 * copy or recompute those only, and the arrays' untouched pages (zero until written) cost no memory.
 */
export function createNorms() {
  let version: NormsVersion = { rows: 0, avg: 0, removals: -1 };
  let lengths = new Uint32Array(0);
  // The seqs learnt since the last removal, in the order learnt (the first `knownCount` entries).
  let known = new Int32Array(0);
  let knownCount = 0;
  let stats: CorpusStats = {
    rows: 0,
    norms: EMPTY,
    single: EMPTY,
    scratch: EMPTY,
    touched: new Int32Array(0),
    marks: new Uint8Array(0),
  };
  // A list's peak under the average it was computed for (a cached list outlives versions).
  const peaks = new WeakMap<PackedPostings, { avg: number; peak: number }>();

  const normOf = (length: number) => K1 * (1 - B + (B * length) / version.avg);

  function grow(size: number): void {
    if (size <= lengths.length) return;
    const length = Math.max(size, Math.ceil(lengths.length * 1.5));
    const more = new Uint32Array(length);
    const norms = new Float64Array(length);
    for (let i = 0; i < knownCount; i++) {
      const seq = known[i] as number;
      more[seq] = lengths[seq] as number;
      norms[seq] = stats.norms[seq] as number;
    }
    lengths = more;
    // scratch is all zero between queries and touched is per query: fresh ones will do.
    stats = { ...stats, norms, scratch: new Float64Array(length), touched: new Int32Array(length) };
  }

  return {
    /** Moves to `next`: a removal forgets every length learnt, a new average recomputes the norms. */
    at(next: NormsVersion): void {
      if (next.removals !== version.removals) {
        lengths = new Uint32Array(0);
        known = new Int32Array(0);
        knownCount = 0;
        stats = { ...stats, norms: EMPTY, scratch: EMPTY, touched: new Int32Array(0) };
      }
      const moved = next.avg !== version.avg;
      version = next;
      stats = { ...stats, rows: next.rows };
      if (!moved) return;
      const { norms } = stats;
      for (let i = 0; i < knownCount; i++) {
        const seq = known[i] as number;
        norms[seq] = normOf(lengths[seq] as number);
      }
    },

    /**
     * Notes the lengths of the passages in `entries` (read from posting blocks), with their norms; `whole`, the
     * list these entries are all of, gets its peak in the same pass (a second pass over the packed list, with
     * the norms read again, cost the 1M bench more client CPU than decoding the lists).
     */
    learn(entries: ListEntries, whole?: PackedPostings): void {
      const { seqs, tfs } = entries;
      if (seqs.length === 0) return;
      grow((seqs[seqs.length - 1] as number) + 1);
      if (knownCount + seqs.length > known.length) {
        const more = new Int32Array(Math.max(knownCount + seqs.length, Math.ceil(known.length * 1.5)));
        more.set(known.subarray(0, knownCount));
        known = more;
      }
      const { norms } = stats;
      let peak = 0;
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i] as number;
        if (lengths[seq] === 0) {
          const length = Math.max(1, entries.lengths[i] as number);
          lengths[seq] = length;
          norms[seq] = normOf(length);
          known[knownCount++] = seq;
        }
        // peakOf's arithmetic, on the same tf (the packed list keeps these counts).
        const tf = tfs[i] as number;
        const share = (tf * (K1 + 1)) / (tf + (norms[seq] as number));
        if (share > peak) peak = share;
      }
      if (whole && whole.most > 0) peaks.set(whole, { avg: version.avg, peak });
    },

    /** The most one occurrence of a list adds to a passage before IDF, under the current average. */
    peak(packed: PackedPostings): number {
      const known = peaks.get(packed);
      if (known?.avg === version.avg) return known.peak;
      const peak = peakOf(packed, stats.norms);
      peaks.set(packed, { avg: version.avg, peak });
      return peak;
    },

    /** The arrays as of now (replaced when they grow: take them after the lists are read). */
    stats(): CorpusStats {
      return stats;
    },
  };
}
