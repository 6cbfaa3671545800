import { describe, expect, it } from 'vitest';
import type { ListEntries } from '../../../db/pg/pg-list-cache.ts';
import { createNorms } from '../../../db/pg/pg-norms.ts';
import { B, K1 } from '../../../db/search/postings.ts';

const entries = (rows: [number, number, number][]): ListEntries => ({
  seqs: Int32Array.from(rows.map((r) => r[0])),
  tfs: Uint16Array.from(rows.map((r) => r[1])),
  lengths: Uint32Array.from(rows.map((r) => r[2])),
});

describe('createNorms', () => {
  it('fills FTS5’s norms for the passages of the lists given, with each list’s peak', () => {
    const norms = createNorms();
    const a = entries([
      [2, 1, 10],
      [5, 3, 30],
    ]);
    const { stats, postings } = norms.prepare('v1', 4, 20, [a]);
    const norm = (length: number) => K1 * (1 - B + (B * length) / 20);
    expect(stats.norms[2]).toBeCloseTo(norm(10), 12);
    expect(stats.norms[5]).toBeCloseTo(norm(30), 12);
    expect(stats.single[2]).toBeCloseTo((K1 + 1) / (1 + norm(10)), 12);
    expect(stats.scratch.length).toBeGreaterThan(5);
    const peak = Math.max((K1 + 1) / (1 + norm(10)), (3 * (K1 + 1)) / (3 + norm(30)));
    expect(postings[0]?.peak).toBeCloseTo(peak, 12);
    expect(postings[0]?.rowids).toBe(a.seqs);
  });

  it('grows for higher seqs keeping what it filled, and starts over in a new version', () => {
    const norms = createNorms();
    const first = norms.prepare('v1', 4, 20, [entries([[2, 1, 10]])]).stats.norms[2];
    const grown = norms.prepare('v1', 4, 20, [entries([[900, 1, 20]])]).stats;
    expect(grown.norms[2]).toBe(first);
    expect(grown.norms.length).toBeGreaterThan(900);
    const next = norms.prepare('v2', 5, 40, [entries([[3, 1, 40]])]).stats;
    expect(next.norms[2]).toBe(0);
    expect(next.norms[3]).toBeCloseTo(K1, 12);
  });
});
