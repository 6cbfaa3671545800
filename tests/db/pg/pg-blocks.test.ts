import { describe, expect, it } from 'vitest';
import {
  BLOCK_ENTRIES,
  collectPostings,
  decodeEntries,
  lastChunkStart,
  packEntries,
  planBlocks,
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
    expect(byTerm.get('a')).toEqual([4, 1, 1, 9, 1, 3]);
    expect(byTerm.get('b')).toEqual([9, 2, 3]);
  });
});

describe('planBlocks', () => {
  it('appends all of a term’s entries to its tail when the database kept the tail', () => {
    const plan = planBlocks([{ id: 3, tailSeq: 100, flat: flat(200, 210) }]);
    expect(plan.termIds).toEqual([3]);
    expect(plan.firstSeqs).toEqual([100]);
    expect(plan.lastSeqs).toEqual([209]);
    expect(plan.sizes).toEqual([plan.data.length]);
    expect([...decodeEntries(plan.data).seqs]).toEqual(Array.from({ length: 10 }, (_, i) => 200 + i));
  });

  it('cuts entries into blocks of BLOCK_ENTRIES when the tail moved to their last chunk, terms in id order', () => {
    const count = BLOCK_ENTRIES * 2 + 5;
    const tail = 1000 + lastChunkStart(count);
    const plan = planBlocks([
      { id: 8, tailSeq: tail, flat: flat(1000, 1000 + count) },
      { id: 2, tailSeq: 7, flat: flat(7, 8) },
    ]);
    expect(plan.termIds).toEqual([2, 8, 8, 8]);
    expect(plan.firstSeqs).toEqual([7, 1000, 1000 + BLOCK_ENTRIES, tail]);
    const block = (i: number) =>
      decodeEntries(plan.data.subarray(plan.starts[i], (plan.starts[i] as number) + (plan.sizes[i] as number)));
    expect([0, 1, 2, 3].map((i) => block(i).seqs.length)).toEqual([1, BLOCK_ENTRIES, BLOCK_ENTRIES, 5]);
    expect([...block(3).seqs]).toEqual([0, 1, 2, 3, 4].map((i) => tail + i));
  });

  it('packs seq gaps, tf (capped at 65,535) and length as varints the decoder reads back', () => {
    const plan = planBlocks([{ id: 1, tailSeq: 5, flat: [5, 70_000, 70_000, 2_000_000_000, 1, 3] }]);
    expect(unpackEntries(plan.data)).toEqual([
      { seq: 5, tf: 65_535, length: 70_000 },
      { seq: 2_000_000_000, tf: 1, length: 3 },
    ]);
    // A common term's entry: gap, tf and length of one byte each, after the chunk's marker and count.
    expect(packEntries([{ seq: 2, tf: 3, length: 4 }])).toEqual(Buffer.from([0x80, 1, 2, 3, 4]));
    expect(decodeEntries(Buffer.concat([packEntries([{ seq: 2, tf: 3, length: 4 }]), plan.data]), 4).seqs).toEqual(
      Int32Array.from([5, 2_000_000_000]),
    );
  });
});
