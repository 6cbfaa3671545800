import { describe, expect, it } from 'vitest';
import { fromOccurrences, K1, parseNumbers } from '../../../db/search/postings.ts';

describe('parseNumbers', () => {
  it('parses group_concat output, sorted ascending', () => {
    expect([...parseNumbers('3,17,256')]).toEqual([3, 17, 256]);
    expect([...parseNumbers('9,2,5')]).toEqual([2, 5, 9]);
    expect([...parseNumbers(null)]).toEqual([]);
    expect([...parseNumbers('')]).toEqual([]);
  });
});

describe('fromOccurrences', () => {
  it('run-length encodes occurrences into rowids and term frequencies', () => {
    const norms = new Float64Array([K1, K1, K1, K1, K1, K1]);
    const list = fromOccurrences(new Int32Array([1, 1, 1, 4, 5, 5]), norms);
    expect([...list.rowids]).toEqual([1, 4, 5]);
    expect([...(list.counts ?? [])]).toEqual([3, 1, 2]);
    // peak is the largest tf·(k1+1)/(tf+norm): three occurrences in rowid 1.
    expect(list.peak).toBeCloseTo((3 * (K1 + 1)) / (3 + K1), 12);
  });

  it('switches to 16-bit counts past 255 occurrences in one passage', () => {
    const docs = new Int32Array(300).fill(2);
    const list = fromOccurrences(docs, new Float64Array([K1, K1, K1]));
    expect(list.counts).toBeInstanceOf(Uint16Array);
    expect(list.counts?.[0]).toBe(300);
  });
});
