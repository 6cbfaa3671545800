import { describe, expect, it } from 'vitest';
import { RowHeap } from '../../../db/search/row-heap.ts';

describe('RowHeap', () => {
  it('keeps the best rows, best first, lower rowid first on ties', () => {
    const heap = new RowHeap(3);
    for (const [rowid, score] of [
      [5, 1],
      [2, 4],
      [9, 4],
      [1, 0.5],
      [7, 3],
      [3, 4],
    ] as const) {
      heap.offer(rowid, score);
    }
    expect(heap.sorted()).toEqual([
      { rowid: 2, score: 4 },
      { rowid: 3, score: 4 },
      { rowid: 9, score: 4 },
    ]);
    expect(heap.floor()).toBe(4);
  });

  it('agrees with sorting everything, on random offers', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const rows = Array.from({ length: 2_000 }, (_, rowid) => ({ rowid, score: Math.floor(random() * 50) }));
    const heap = new RowHeap(25);
    for (const row of rows) heap.offer(row.rowid, row.score);
    const expected = [...rows].sort((a, b) => b.score - a.score || a.rowid - b.rowid).slice(0, 25);
    expect(heap.sorted()).toEqual(expected);
  });

  it('reports a floor of 0 until full, and keeps nothing at capacity 0', () => {
    const heap = new RowHeap(2);
    heap.offer(1, 7);
    expect(heap.floor()).toBe(0);
    const none = new RowHeap(0);
    none.offer(1, 7);
    expect(none.sorted()).toEqual([]);
  });
});
