import { describe, expect, it } from 'vitest';
import { coverIntervals } from '../../../db/pg/pg-block-intervals.ts';
import { type BlockList, type FetchBlocks, rankBlockMax, shareOf } from '../../../db/pg/pg-block-max.ts';
import { BLOCK_ENTRIES, packEntries } from '../../../db/pg/pg-blocks.ts';
import type { ListEntries } from '../../../db/pg/pg-list-cache.ts';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entries = (rows: readonly [number, number, number][]): ListEntries => ({
  seqs: Int32Array.from(rows, (r) => r[0]),
  tfs: Uint16Array.from(rows, (r) => r[1]),
  lengths: Uint32Array.from(rows, (r) => r[2]),
});

/** A term in a share of `passages` passages (lengths fixed per passage), cut into blocks like ingest does. */
function termList(next: () => number, passages: number, share: number, lengths: readonly number[]) {
  const rows: [number, number, number][] = [];
  for (let seq = 1; seq <= passages; seq++)
    if (next() < share) rows.push([seq, 1 + Math.floor(next() ** 4 * 6), lengths[seq] as number]);
  return rows;
}

/** A common term as block-max ranking sees it, with a fetcher that counts the blocks it reads. */
function blocked(termId: number, weight: number, rows: readonly [number, number, number][], size = BLOCK_ENTRIES) {
  const blocks: [number, number, number][][] = [];
  for (let i = 0; i < rows.length; i += size) blocks.push(rows.slice(i, i + size));
  const list: BlockList = {
    termId,
    weight,
    directory: {
      firstSeqs: Int32Array.from(blocks, (b) => b[0]?.[0] ?? 0),
      lastSeqs: Int32Array.from(blocks, (b) => b[b.length - 1]?.[0] ?? 0),
      maxTfs: Int32Array.from(blocks, (b) => Math.max(...b.map((r) => r[1]))),
      minLengths: Int32Array.from(blocks, (b) => Math.min(...b.map((r) => r[2]))),
    },
  };
  const byKey = new Map(
    blocks.map((b) => [`${termId}:${b[0]?.[0]}`, packEntries(b.map(([seq, tf, length]) => ({ seq, tf, length })))]),
  );
  return { list, blocks: blocks.length, byKey };
}

/** Every passage's BM25 sum, best first (ties by seq), the top `size`. */
function bruteForce(
  lists: readonly { weight: number; rows: readonly [number, number, number][] }[],
  avg: number,
  size: number,
) {
  const sums = new Map<number, number>();
  for (const { weight, rows } of lists)
    for (const [seq, tf, length] of rows) sums.set(seq, (sums.get(seq) ?? 0) + shareOf(weight, tf, length, avg));
  return [...sums]
    .map(([rowid, score]) => ({ rowid, score }))
    .sort((a, b) => b.score - a.score || a.rowid - b.rowid)
    .slice(0, size);
}

describe('coverIntervals', () => {
  it('cuts seqs where any block starts or ends, each interval with its covering blocks and their bound sum', () => {
    const a = {
      firstSeqs: Int32Array.of(1, 20),
      lastSeqs: Int32Array.of(10, 30),
      maxTfs: Int32Array.of(1, 2),
      minLengths: Int32Array.of(5, 5),
    };
    const b = {
      firstSeqs: Int32Array.of(5),
      lastSeqs: Int32Array.of(25),
      maxTfs: Int32Array.of(1),
      minLengths: Int32Array.of(5),
    };
    const cover = coverIntervals([a, b], (t, maxTf) => (t === 0 ? maxTf : 10));
    expect([...cover.starts]).toEqual([1, 5, 11, 20, 26]);
    expect([...cover.ends]).toEqual([5, 11, 20, 26, 31]);
    expect([...cover.bounds]).toEqual([1, 11, 10, 12, 2]);
    expect([...cover.covering]).toEqual([0, -1, 0, 2, -1, 2, 1, 2, 1, -1]);
    expect(cover.key(2)).toEqual({ term: 1, index: 0 });
  });
});

describe('rankBlockMax', () => {
  it('finds the exact BM25 top (scores and ties) while reading only some blocks of the common terms', async () => {
    const next = random(7);
    const passages = 120_000;
    const lengths = Array.from({ length: passages + 1 }, () => 5 + Math.floor(next() * 60));
    const avg = lengths.reduce((sum, l) => sum + l, 0) / passages;
    const rare = termList(next, passages, 0.0005, lengths);
    const phrase = termList(next, passages, 0.0002, lengths);
    const common = [0.4, 0.15, 0.6].map((share, i) => ({
      weight: 0.3 + i * 0.2,
      rows: termList(next, passages, share, lengths),
    }));
    const commons = common.map((c, i) => blocked(100 + i, c.weight, c.rows));
    const keys = new Map(commons.flatMap((c) => [...c.byKey]));
    let read = 0;
    const fetch: FetchBlocks = async (wanted) => {
      read += wanted.length;
      return wanted.map(({ termId, firstSeq }) => keys.get(`${termId}:${firstSeq}`) as Uint8Array);
    };
    for (const size of [1, 10, 30]) {
      read = 0;
      const full = [
        { weight: 6, entries: entries(rare) },
        { weight: 7, entries: entries(phrase) },
      ];
      const got = await rankBlockMax(
        full,
        commons.map((c) => c.list),
        avg,
        size,
        fetch,
      );
      const want = bruteForce([{ weight: 6, rows: rare }, { weight: 7, rows: phrase }, ...common], avg, size);
      expect(got.map((r) => r.rowid)).toEqual(want.map((r) => r.rowid));
      for (const [i, row] of got.entries()) expect(row.score).toBeCloseTo(want[i]?.score ?? 0, 9);
      expect(read).toBeLessThan(commons.reduce((sum, c) => sum + c.blocks, 0) / 3);
    }
  });

  it('ranks a query of common terms only, and passages outside every block by their full lists', async () => {
    const next = random(11);
    const passages = 3_000;
    const lengths = Array.from({ length: passages + 1 }, () => 3 + Math.floor(next() * 30));
    const a = termList(next, passages, 0.5, lengths);
    const b = termList(next, passages, 0.3, lengths).filter(([seq]) => seq > 1_000);
    const rare = termList(next, 1_000, 0.01, lengths);
    const blocks = [blocked(1, 0.5, a, 16), blocked(2, 0.9, b, 16)];
    const keys = new Map(blocks.flatMap((c) => [...c.byKey]));
    const fetch: FetchBlocks = async (wanted) =>
      wanted.map(({ termId, firstSeq }) => keys.get(`${termId}:${firstSeq}`) as Uint8Array);
    const lists = blocks.map((c) => c.list);
    expect((await rankBlockMax([], lists, 17, 10, fetch)).map((r) => r.rowid)).toEqual(
      bruteForce(
        [
          { weight: 0.5, rows: a },
          { weight: 0.9, rows: b },
        ],
        17,
        10,
      ).map((r) => r.rowid),
    );
    const onlyRare = await rankBlockMax(
      [{ weight: 9, entries: entries(rare) }],
      [blocks[1]?.list as BlockList],
      17,
      5,
      fetch,
    );
    expect(onlyRare.map((r) => r.rowid)).toEqual(bruteForce([{ weight: 9, rows: rare }], 17, 5).map((r) => r.rowid));
  });
});
