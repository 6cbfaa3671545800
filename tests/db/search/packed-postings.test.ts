import { describe, expect, it } from 'vitest';
import { addPackedToAll, addPackedToCandidates, addToCandidates } from '../../../db/search/candidate-scores.ts';
import type { CorpusStats } from '../../../db/search/corpus-stats.ts';
import { appendPacked, lazyPostings, pack, peakOf, unpack } from '../../../db/search/packed-postings.ts';
import { B, K1, type Postings } from '../../../db/search/postings.ts';
import { share } from '../../../db/search/score-lists.ts';

function corpus(size: number): CorpusStats {
  const norms = new Float64Array(size).map((_, rowid) => K1 * (1 - B + (B * (5 + (rowid % 40))) / 24));
  return {
    rows: size - 1,
    norms,
    single: new Float64Array(0),
    scratch: new Float64Array(size),
    touched: new Int32Array(size),
    marks: new Uint8Array(0),
  };
}

/** Rowids with gaps of 1 to ~100k (varints of one to three bytes) and counts up to 300 (two-byte counts). */
function sample(entries = 500): Postings {
  const rowids: number[] = [];
  const counts: number[] = [];
  let rowid = 0;
  for (let i = 0; i < entries; i++) {
    rowid += i % 97 === 0 ? 100_003 : 1 + ((i * 7) % 70);
    rowids.push(rowid);
    counts.push(i % 50 === 0 ? 300 : i % 3 === 0 ? 2 : 1);
  }
  return { rowids: new Int32Array(rowids), counts: new Uint16Array(counts), peak: 1.5 };
}

describe('packed postings', () => {
  it('unpack gives back the rowids, counts and peak, with lists of one-byte entries mostly', () => {
    const list = sample();
    const packed = pack(list);
    const back = unpack(packed);
    expect([...back.rowids]).toEqual([...list.rowids]);
    expect([...(back.counts ?? [])]).toEqual([...(list.counts ?? [])]);
    expect(back.peak).toBe(1.5);
    const dense = pack({ rowids: new Int32Array([3, 4, 9, 60]), counts: new Uint8Array([1, 1, 1, 1]), peak: 1 });
    expect(dense.bytes.length).toBe(4);
  });

  it('keeps membership lists without counts, and empty lists', () => {
    const membership = { rowids: new Int32Array([1, 200, 70_000]), counts: null, peak: K1 + 1 };
    expect(unpack(pack(membership))).toEqual(membership);
    const empty = unpack(pack({ rowids: new Int32Array(0), counts: new Uint8Array(0), peak: 0 }));
    expect(empty.rowids.length).toBe(0);
    expect(empty.counts).not.toBeNull();
  });

  it('peakOf is the largest tf·(k1+1)/(tf+norm) over the entries; a list without counts bounds at k1+1', () => {
    const list = sample();
    const { norms } = corpus(list.rowids[list.rowids.length - 1] as number);
    let expected = 0;
    list.rowids.forEach((rowid, i) => {
      const tf = list.counts?.[i] ?? 1;
      expected = Math.max(expected, (tf * (K1 + 1)) / (tf + (norms[rowid] ?? K1)));
    });
    expect(peakOf(pack(list), norms)).toBeCloseTo(expected, 12);
    expect(peakOf(pack({ rowids: new Int32Array([5, 9]), counts: null, peak: 0 }), norms)).toBe(K1 + 1);
  });

  it('appendPacked gives the list packed whole: a tail of higher rowids joins with its gap', () => {
    const list = sample();
    const cut = 300;
    const head = { rowids: list.rowids.slice(0, cut), counts: list.counts?.slice(0, cut) ?? null, peak: 1.5 };
    const tail = { rowids: list.rowids.slice(cut), counts: list.counts?.slice(cut) ?? null, peak: 1.5 };
    const grown = appendPacked(pack(head), tail);
    expect(grown.bytes).toEqual(pack(list).bytes);
    expect(grown.last).toBe(list.rowids[list.rowids.length - 1]);
    expect([...unpack(grown).rowids]).toEqual([...list.rowids]);
  });

  it('lazy postings carry the packed list and unpack only when their entries are read', () => {
    const list = sample();
    const lazy = lazyPostings(pack(list));
    expect(lazy.peak).toBe(1.5);
    expect(lazy.packed?.length).toBe(500);
    expect([...lazy.rowids]).toEqual([...list.rowids]);
  });

  it('scores a packed list as the unpacked one, over all passages and over candidates', () => {
    const list = sample();
    const packed = pack(list);
    const size = (list.rowids.at(-1) as number) + 1;
    const stats = corpus(size);
    const touched = addPackedToAll(stats, 2, packed, 0);
    expect(touched).toBe(500);
    list.rowids.forEach((rowid, i) => {
      const expected = share(2, list.counts?.[i] ?? 1, stats.norms[rowid] as number);
      expect(stats.scratch[rowid]).toBeCloseTo(expected, 12);
    });
    // Candidates: every third rowid of the list and some rowids it does not hold.
    const wanted = [...new Set([...list.rowids.filter((_, i) => i % 3 === 0), 2, 5_000, size + 10])].sort(
      (a, b) => a - b,
    );
    const viaPacked = { rowids: new Int32Array(wanted), scores: new Float64Array(wanted.length), count: wanted.length };
    const viaLists = { rowids: new Int32Array(wanted), scores: new Float64Array(wanted.length), count: wanted.length };
    addPackedToCandidates(stats, 2, packed, viaPacked);
    addToCandidates(stats, 2, list, viaLists);
    expect([...viaPacked.scores]).toEqual([...viaLists.scores]);
    expect(viaPacked.scores.filter((score) => score > 0).length).toBe(Math.ceil(500 / 3));
  });

  it('adds a long list to a few candidates through its skips as by decoding all of it, with counts or without', () => {
    const list = sample(5_000);
    const size = (list.rowids.at(-1) as number) + 1;
    const stats = corpus(size);
    // Candidates in the first run, the first and last entry of run 1 (128 and 255), the last entry of run 2 alone
    // in it (383), runs far apart, the list's last entry, and rowids the list does not hold: far fewer than the
    // list's 40 runs, so the skips are used.
    const picks = [0, 5, 128, 255, 383, 3_000, 4_999].map((i) => list.rowids[i] as number);
    const wanted = [...picks, 1, (list.rowids[2_000] as number) + 1, size + 5].sort((a, b) => a - b);
    for (const counts of [list.counts, null]) {
      const withCounts = { ...list, counts };
      const viaSkips = {
        rowids: new Int32Array(wanted),
        scores: new Float64Array(wanted.length),
        count: wanted.length,
      };
      addPackedToCandidates(stats, 2, pack(withCounts), viaSkips);
      const expected = wanted.map((rowid) => {
        const i = list.rowids.indexOf(rowid);
        return i < 0 ? 0 : share(2, counts?.[i] ?? 1, stats.norms[rowid] as number);
      });
      expect([...viaSkips.scores]).toEqual(expected);
      expect(viaSkips.scores.filter((score) => score > 0).length).toBe(picks.length);
    }
  });
});
