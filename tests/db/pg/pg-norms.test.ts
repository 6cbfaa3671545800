import { describe, expect, it } from 'vitest';
import type { ListEntries } from '../../../db/pg/pg-list-cache.ts';
import { createNorms } from '../../../db/pg/pg-norms.ts';
import { pack } from '../../../db/search/packed-postings.ts';
import { B, K1 } from '../../../db/search/postings.ts';

const entries = (rows: [number, number, number][]): ListEntries => ({
  seqs: Int32Array.from(rows.map((r) => r[0])),
  tfs: Uint16Array.from(rows.map((r) => r[1])),
  lengths: Uint32Array.from(rows.map((r) => r[2])),
});
const norm = (length: number, avg: number) => K1 * (1 - B + (B * length) / avg);

describe('createNorms', () => {
  it('fills FTS5’s norms for the passages of the lists learnt, and a packed list’s peak from them', () => {
    const norms = createNorms();
    norms.at({ rows: 4, avg: 20, removals: 0 });
    const a = entries([
      [2, 1, 10],
      [5, 3, 30],
    ]);
    norms.learn(a);
    const stats = norms.stats();
    expect(stats.rows).toBe(4);
    expect(stats.norms[2]).toBeCloseTo(norm(10, 20), 12);
    expect(stats.norms[5]).toBeCloseTo(norm(30, 20), 12);
    expect(stats.scratch.length).toBeGreaterThan(5);
    expect(stats.touched.length).toBe(stats.scratch.length);
    const peak = Math.max((K1 + 1) / (1 + norm(10, 20)), (3 * (K1 + 1)) / (3 + norm(30, 20)));
    expect(norms.peak(pack({ rowids: a.seqs, counts: a.tfs, peak: 0 }))).toBeCloseTo(peak, 12);
  });

  it('grows for higher seqs, recomputes the norms it knows for a new average, and forgets them on a removal', () => {
    const norms = createNorms();
    norms.at({ rows: 4, avg: 20, removals: 0 });
    norms.learn(entries([[2, 1, 10]]));
    const first = norms.stats().norms[2];
    norms.learn(entries([[900, 1, 20]]));
    expect(norms.stats().norms[2]).toBe(first);
    expect(norms.stats().norms.length).toBeGreaterThan(900);
    const list = pack({ rowids: Int32Array.of(2), counts: Uint16Array.of(1), peak: 0 });
    expect(norms.peak(list)).toBeCloseTo((K1 + 1) / (1 + norm(10, 20)), 12);
    // The corpus grew: same lengths, a new average, the peak follows it.
    norms.at({ rows: 5, avg: 40, removals: 0 });
    expect(norms.stats().norms[2]).toBeCloseTo(norm(10, 40), 12);
    expect(norms.stats().norms[900]).toBeCloseTo(norm(20, 40), 12);
    expect(norms.peak(list)).toBeCloseTo((K1 + 1) / (1 + norm(10, 40)), 12);
    norms.at({ rows: 4, avg: 40, removals: 1 });
    expect(norms.stats().norms.length).toBe(0);
    norms.learn(entries([[3, 1, 40]]));
    expect(norms.stats().norms[2]).toBe(0);
    expect(norms.stats().norms[3]).toBeCloseTo(K1, 12);
  });

  it('works on the seqs learnt only, so a seq far past the rest (gaps of a long-lived corpus) costs no pass over the gap', () => {
    // Sized by seq, every array here spans a billion slots; a pass or copy over them would take minutes (the test's
    // timeout), touching only the learnt ones takes microseconds.
    const norms = createNorms();
    norms.at({ rows: 3, avg: 20, removals: 0 });
    norms.learn(entries([[7, 1, 10]]));
    norms.learn(entries([[600_000_000, 1, 30]]));
    norms.at({ rows: 4, avg: 25, removals: 0 });
    norms.learn(entries([[1_000_000_000, 2, 40]]));
    norms.at({ rows: 5, avg: 30, removals: 0 });
    const { norms: byseq } = norms.stats();
    expect([byseq[7], byseq[600_000_000], byseq[1_000_000_000]]).toEqual([norm(10, 30), norm(30, 30), norm(40, 30)]);
    expect(byseq[8]).toBe(0);
  });
});
