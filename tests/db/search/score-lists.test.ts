import { describe, expect, it } from 'vitest';
import type { CorpusStats } from '../../../db/search/corpus-stats.ts';
import { B, K1, type Postings } from '../../../db/search/postings.ts';
import { type QueryList, type ScoringSource, scoreLists, share } from '../../../db/search/score-lists.ts';

/** A corpus of `lengths.length - 1` passages (rowid 0 unused) with BM25 norms as FTS5 computes them. */
function corpus(lengths: number[]): CorpusStats {
  const rows = lengths.length - 1;
  const average = lengths.slice(1).reduce((a, b) => a + b, 0) / rows;
  const norms = new Float64Array(lengths.map((length) => K1 * (1 - B + (B * length) / average)));
  return {
    rows,
    norms,
    single: norms.map((norm) => (K1 + 1) / (1 + norm)),
    scratch: new Float64Array(lengths.length),
    touched: new Int32Array(lengths.length),
    marks: new Uint8Array(lengths.length),
  };
}

function list(phrase: string, weight: number, postings: Postings, common: boolean): QueryList {
  return { phrase, terms: [phrase], weight, documents: postings.rowids.length, common, postings };
}

const postings = (rowids: number[], counts: number[]): Postings => ({
  rowids: new Int32Array(rowids),
  counts: new Uint8Array(counts),
  peak: K1 + 1,
});

/** Every passage scored with every list: the exact BM25 sum. */
function bruteForce(stats: CorpusStats, lists: QueryList[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const l of lists) {
    const p = l.postings as Postings;
    p.rowids.forEach((rowid, i) => {
      const tf = p.counts?.[i] ?? 1;
      scores.set(rowid, (scores.get(rowid) ?? 0) + share(l.weight, tf, stats.norms[rowid] as number));
    });
  }
  return scores;
}

function source(stats: CorpusStats): ScoringSource {
  return {
    corpus: stats,
    read: (l) => l.postings as Postings,
    mayCountInText: () => false,
    countInText: (rows) => rows,
  };
}

describe('scoreLists', () => {
  const stats = corpus([0, 10, 20, 5, 40, 12, 8, 30, 9]);
  const rare = list('ryabkov', 3.1, postings([2, 5], [1, 2]), false);
  const middle = list('geneva', 1.4, postings([1, 2, 3, 7], [1, 1, 3, 1]), false);

  it('gives the exact BM25 top rows when no list is common', () => {
    const rows = scoreLists(source(stats), [rare, middle], 3);
    const expected = [...bruteForce(stats, [rare, middle])]
      .map(([rowid, score]) => ({ rowid, score }))
      .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
      .slice(0, 3);
    expect(rows.map((r) => r.rowid)).toEqual(expected.map((r) => r.rowid));
    for (const [i, row] of rows.entries()) expect(row.score).toBeCloseTo(expected[i]?.score as number, 12);
    expect(stats.scratch.every((v) => v === 0)).toBe(true);
  });

  it('scores a common list only for passages the rare lists found, once they fill the limit', () => {
    const common = list('talks', 0.2, postings([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 1, 1, 1, 1, 1]), true);
    const rows = scoreLists(source(stats), [rare, middle, common], 2);
    const exact = bruteForce(stats, [rare, middle, common]);
    expect(rows).toHaveLength(2);
    // Whatever is returned carries its full score, common word included.
    for (const row of rows) expect(row.score).toBeCloseTo(exact.get(row.rowid) as number, 12);
    expect(rows.map((r) => r.rowid)).toEqual([5, 2]);
  });

  it('gives up the same passages whether the common lists are cached (their peak known) or not', () => {
    // Passages 4 and 7 match both common words and no rare one, and their sums put them first. A cached list's peak
    // (its longest passages only: 0.76) is below the rare lists' 2nd best score, an unread one's bound is not;
    // the cut must not depend on that, or a ranking would depend on which lists earlier queries cached.
    const weak = list('sherman', 1, postings([2, 5], [1, 1]), false);
    const held = (phrase: string): QueryList => {
      const entries = postings([4, 7], [1, 1]);
      const peak = Math.max(...[4, 7].map((rowid) => share(1, 1, stats.norms[rowid] as number)));
      return list(phrase, 1, { ...entries, peak }, true);
    };
    const cached = [weak, held('talks'), held('russia')];
    const unread = cached.map((l) => ({ ...l, postings: l.common ? null : l.postings }));
    const readFrom = (lists: QueryList[]): ScoringSource => ({
      ...source(stats),
      read: (l) => (cached[lists.indexOf(l)] as QueryList).postings as Postings,
    });
    const fromCache = scoreLists(readFrom(cached), cached, 2);
    const fromIndex = scoreLists(readFrom(unread), unread, 2);
    expect(fromCache).toEqual(fromIndex);
    // Here the exact top: reading both common lists in full is what a first query does.
    const exact = [...bruteForce(stats, cached)].sort((a, b) => b[1] - a[1]).slice(0, 2);
    expect(fromIndex.map((r) => r.rowid)).toEqual(exact.map(([rowid]) => rowid));
  });
});
