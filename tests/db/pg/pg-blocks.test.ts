import { describe, expect, it } from 'vitest';
import {
  BLOCK_ENTRIES,
  collectPostings,
  cutTails,
  decodeEntries,
  packChunks,
  packEntries,
  unpackEntries,
} from '../../../db/pg/pg-blocks.ts';

/** Flat postings (seq, tf 1, length 5) for seqs from..to-1. */
const flat = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => [from + i, 1, 5]).flat();

describe('collectPostings', () => {
  it('counts each term once per passage with its tf and the passage length, ascending by seq', () => {
    const { byTerm, terms } = collectPostings([
      { seq: 9, terms: ['b', 'a', 'b'] },
      { seq: 4, terms: ['a'] },
    ]);
    expect(terms).toBe(4);
    expect([...(byTerm.get('a') ?? [])]).toEqual([4, 1, 1, 9, 1, 3]);
    expect([...(byTerm.get('b') ?? [])]).toEqual([9, 2, 3]);
    expect(collectPostings([]).byTerm.size).toBe(0);
  });
});

describe('packChunks', () => {
  it('packs each list as one chunk, the ranges in the order given', () => {
    const packed = packChunks([flat(200, 210), flat(7, 8)]);
    expect(packed.starts).toEqual([0, packed.sizes[0]]);
    expect((packed.sizes[0] as number) + (packed.sizes[1] as number)).toBe(packed.data.length);
    const range = (i: number) =>
      packed.data.subarray(packed.starts[i], (packed.starts[i] as number) + (packed.sizes[i] as number));
    expect([...decodeEntries(range(0)).seqs]).toEqual(Array.from({ length: 10 }, (_, i) => 200 + i));
    expect([...decodeEntries(range(1)).seqs]).toEqual([7]);
  });

  it('packs seq gaps, tf (capped at 65,535) and length as varints the decoder reads back', () => {
    const packed = packChunks([[5, 70_000, 70_000, 2_000_000_000, 1, 3]]);
    expect(unpackEntries(packed.data)).toEqual([
      { seq: 5, tf: 65_535, length: 70_000 },
      { seq: 2_000_000_000, tf: 1, length: 3 },
    ]);
    // A common term's entry: gap, tf and length of one byte each, after the chunk's marker and count.
    expect(packEntries([{ seq: 2, tf: 3, length: 4 }])).toEqual(Buffer.from([0x80, 1, 2, 3, 4]));
    expect(decodeEntries(Buffer.concat([packEntries([{ seq: 2, tf: 3, length: 4 }]), packed.data]), 4).seqs).toEqual(
      Int32Array.from([5, 2_000_000_000]),
    );
  });
});

describe('cutTails', () => {
  it('seals full blocks keyed by their first seq and keeps the last 1 to BLOCK_ENTRIES entries as the tail', () => {
    const count = BLOCK_ENTRIES * 2 + 5;
    // A tail of several appended chunks, as ingest leaves it.
    const tail = Buffer.concat([packChunks([flat(1000, 1100)]).data, packChunks([flat(1100, 1000 + count)]).data]);
    const exact = packChunks([flat(50, 50 + BLOCK_ENTRIES + 1)]).data;
    const cut = cutTails([
      { termId: 8, tail },
      { termId: 2, tail: exact },
    ]);
    expect(cut.blocks.termIds).toEqual([8, 8, 2]);
    expect(cut.blocks.firstSeqs).toEqual([1000, 1000 + BLOCK_ENTRIES, 50]);
    expect(cut.blocks.lastSeqs).toEqual([
      1000 + BLOCK_ENTRIES - 1,
      1000 + 2 * BLOCK_ENTRIES - 1,
      50 + BLOCK_ENTRIES - 1,
    ]);
    const range = (r: { starts: number[]; sizes: number[]; data: Buffer }, i: number) =>
      decodeEntries(r.data.subarray(r.starts[i], (r.starts[i] as number) + (r.sizes[i] as number))).seqs;
    expect([0, 1, 2].map((i) => range(cut.blocks, i).length)).toEqual([BLOCK_ENTRIES, BLOCK_ENTRIES, BLOCK_ENTRIES]);
    expect(cut.tails.termIds).toEqual([8, 2]);
    expect(cut.tails.entries).toEqual([5, 1]);
    expect([...range(cut.tails, 0)]).toEqual([0, 1, 2, 3, 4].map((i) => 1000 + 2 * BLOCK_ENTRIES + i));
    expect([...range(cut.tails, 1)]).toEqual([50 + BLOCK_ENTRIES]);
  });

  it('leaves a tail of exactly BLOCK_ENTRIES whole, and an empty one empty', () => {
    const cut = cutTails([
      { termId: 1, tail: packChunks([flat(1, 1 + BLOCK_ENTRIES)]).data },
      { termId: 3, tail: Buffer.alloc(0) },
    ]);
    expect(cut.blocks.termIds).toEqual([]);
    expect(cut.tails.entries).toEqual([BLOCK_ENTRIES, 0]);
    expect(cut.tails.sizes[1]).toBe(0);
  });
});
