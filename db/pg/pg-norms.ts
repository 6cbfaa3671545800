import type { CorpusStats } from '../search/corpus-stats.ts';
import { B, K1, type Postings } from '../search/postings.ts';
import type { ListEntries } from './pg-list-cache.ts';

/**
 * The per-passage arrays db/search/score-lists.ts scores with (CorpusStats), for one version of the
 * Postgres corpus: sized by the highest passage seq seen so far (grown on demand), with norms filled
 * only for the passages of the lists a query reads (each list's entries carry their passages' lengths),
 * so nothing is read up front. A new version (the average length moved) starts over.
 */
export function createNorms() {
  let state: { token: string; avg: number; stats: CorpusStats; peaks: WeakMap<ListEntries, number> } | null = null;

  function grow(stats: CorpusStats, size: number): CorpusStats {
    if (size <= stats.norms.length) return stats;
    const bigger = (n: number) => Math.max(size, Math.ceil(n * 1.5));
    const length = bigger(stats.norms.length);
    const norms = new Float64Array(length);
    norms.set(stats.norms);
    const single = new Float64Array(length);
    single.set(stats.single);
    // scratch and marks are all zero between queries, touched is per query: fresh ones will do.
    return {
      rows: stats.rows,
      norms,
      single,
      scratch: new Float64Array(length),
      touched: new Int32Array(length),
      marks: new Uint8Array(length),
    };
  }

  return {
    /**
     * CorpusStats for `rows` passages of average length `avg` (version `token`) covering every passage in
     * `lists`, with each list as scoring Postings (peak from these norms).
     */
    prepare(
      token: string,
      rows: number,
      avg: number,
      lists: readonly ListEntries[],
    ): { stats: CorpusStats; postings: Postings[] } {
      if (state?.token !== token || state.avg !== avg) {
        const empty = new Float64Array(0);
        state = {
          token,
          avg,
          peaks: new WeakMap(),
          stats: {
            rows,
            norms: empty,
            single: empty,
            scratch: empty,
            touched: new Int32Array(0),
            marks: new Uint8Array(0),
          },
        };
      }
      let highest = 0;
      for (const list of lists) {
        const last = list.seqs[list.seqs.length - 1];
        if (last !== undefined && last > highest) highest = last;
      }
      state.stats = grow(state.stats, highest + 1);
      const { norms, single } = state.stats;
      const { peaks } = state;
      const postings = lists.map((list): Postings => {
        let peak = peaks.get(list);
        if (peak === undefined) {
          // First use in this version: the list's passages get their norms, and the list its bound.
          peak = 0;
          for (let i = 0; i < list.seqs.length; i++) {
            const seq = list.seqs[i] as number;
            // Within a version a passage's norm never changes: set once, by whichever list reached it first.
            let norm = norms[seq] as number;
            if (norm === 0) {
              norm = K1 * (1 - B + (B * (list.lengths[i] as number)) / avg);
              norms[seq] = norm;
              single[seq] = (K1 + 1) / (1 + norm);
            }
            const tf = list.tfs[i] as number;
            const weight = tf === 1 ? (single[seq] as number) : (tf * (K1 + 1)) / (tf + norm);
            if (weight > peak) peak = weight;
          }
          peaks.set(list, peak);
        }
        return { rowids: list.seqs, counts: list.tfs, peak };
      });
      return { stats: state.stats, postings };
    },
  };
}
