/** A common term's blocks as posting_blocks lists them, ascending by first seq (they never overlap). */
export interface BlockDirectory {
  firstSeqs: Int32Array;
  lastSeqs: Int32Array;
  /** Each block's highest tf and shortest passage: its bound. */
  maxTfs: Int32Array;
  minLengths: Int32Array;
}

/** The seq intervals the blocks of several terms cut, with what bounds each. */
export interface CoveredIntervals {
  /** Interval k is the seqs from starts[k] up to (not including) ends[k]; only intervals some block covers. */
  starts: Int32Array;
  ends: Int32Array;
  /** The sum of the bounds of the blocks covering each interval. */
  bounds: Float64Array;
  /** Per interval and term (k × terms + t): the covering block's global index, or -1. */
  covering: Int32Array;
  /** Term t's blocks have global indexes offsets[t] up to offsets[t + 1]. */
  offsets: Int32Array;
  /** A global block index as its term and its index in that term's directory. */
  key(block: number): { term: number; index: number };
}

/**
 * Cuts the seqs at every block's first seq and one past its last, so that in each interval every term is in
 * one block or none; `bound(t, maxTf, minLength)` is what one passage can get from a block of term t.
 */
export function coverIntervals(
  directories: readonly BlockDirectory[],
  bound: (term: number, maxTf: number, minLength: number) => number,
): CoveredIntervals {
  const terms = directories.length;
  const offsets = new Int32Array(terms + 1);
  directories.forEach((d, t) => {
    offsets[t + 1] = (offsets[t] as number) + d.firstSeqs.length;
  });
  const total = offsets[terms] as number;
  const blockBounds = new Float64Array(total);
  const cuts = new Float64Array(total * 2);
  directories.forEach((d, t) => {
    for (let j = 0; j < d.firstSeqs.length; j++) {
      const g = (offsets[t] as number) + j;
      blockBounds[g] = bound(t, d.maxTfs[j] as number, d.minLengths[j] as number);
      cuts[2 * g] = d.firstSeqs[j] as number;
      cuts[2 * g + 1] = (d.lastSeqs[j] as number) + 1;
    }
  });
  cuts.sort();
  const most = Math.max(0, cuts.length - 1);
  const starts = new Int32Array(most);
  const ends = new Int32Array(most);
  const bounds = new Float64Array(most);
  const covering = new Int32Array(most * terms);
  const next = new Int32Array(terms);
  let n = 0;
  for (let c = 0; c < most; c++) {
    const lo = cuts[c] as number;
    const hi = cuts[c + 1] as number;
    if (hi === lo) continue;
    let sum = 0;
    let any = false;
    for (let t = 0; t < terms; t++) {
      const d = directories[t] as BlockDirectory;
      let j = next[t] as number;
      while (j < d.lastSeqs.length && (d.lastSeqs[j] as number) < lo) j++;
      next[t] = j;
      let g = -1;
      if (j < d.firstSeqs.length && (d.firstSeqs[j] as number) <= lo) {
        g = (offsets[t] as number) + j;
        sum += blockBounds[g] as number;
        any = true;
      }
      covering[n * terms + t] = g;
    }
    if (!any) continue;
    starts[n] = lo;
    ends[n] = hi;
    bounds[n] = sum;
    n++;
  }
  return {
    starts: starts.slice(0, n),
    ends: ends.slice(0, n),
    bounds: bounds.slice(0, n),
    covering: covering.slice(0, n * terms),
    offsets,
    key(block) {
      let term = 0;
      while ((offsets[term + 1] as number) <= block) term++;
      return { term, index: block - (offsets[term] as number) };
    },
  };
}
