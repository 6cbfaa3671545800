import { describe, expect, it } from 'vitest';
import { decodeEntries, packEntries } from '../../../db/pg/pg-blocks.ts';
import { createListCache, type ListEntries } from '../../../db/pg/pg-list-cache.ts';
import { type PackedPostings, unpack } from '../../../db/search/packed-postings.ts';

/** Entries packed as one chunk, as the database stores them. */
const pack = (entries: [number, number, number][]) =>
  packEntries(entries.map(([seq, tf, length]) => ({ seq, tf, length })));

const plain = (entries: ListEntries) => ({
  seqs: [...entries.seqs],
  tfs: [...entries.tfs],
  lengths: [...entries.lengths],
});

describe('decodeEntries', () => {
  it('unpacks seq, tf and length of chunks, sorted by seq whatever order they came in', () => {
    expect(
      plain(
        decodeEntries(
          pack([
            [3, 1, 40],
            [9, 2, 70000],
            [12, 300, 5],
          ]),
        ),
      ),
    ).toEqual({
      seqs: [3, 9, 12],
      tfs: [1, 2, 300],
      lengths: [40, 70000, 5],
    });
    expect(plain(decodeEntries(Buffer.concat([pack([[9, 2, 7]]), pack([[3, 1, 4]])])))).toEqual({
      seqs: [3, 9],
      tfs: [1, 2],
      lengths: [4, 7],
    });
  });

  it('reads an empty or missing list as no entries, and a buffer that is a view into a larger one', () => {
    expect(decodeEntries(null).seqs.length).toBe(0);
    expect(decodeEntries(Buffer.alloc(0)).seqs.length).toBe(0);
    const outer = Buffer.concat([Buffer.from([1, 2, 3]), pack([[5, 1, 8]])]);
    expect(plain(decodeEntries(outer.subarray(3)))).toEqual({ seqs: [5], tfs: [1], lengths: [8] });
  });

  it('leaves out the entries at or below a seq (a list read again from the block holding it)', () => {
    const data = pack([
      [3, 1, 4],
      [5, 2, 6],
      [8, 3, 9],
    ]);
    expect(plain(decodeEntries(data, 5))).toEqual({ seqs: [8], tfs: [3], lengths: [9] });
    expect(decodeEntries(data, 8).seqs.length).toBe(0);
  });
});

describe('createListCache', () => {
  const entries = (...seqs: number[]) => decodeEntries(pack(seqs.map((seq) => [seq, 1, 10])));
  const seqsOf = (packed: PackedPostings | undefined) => (packed ? [...unpack(packed).rowids] : []);
  const ignore = () => {};

  it('fetches missing lists once per version, then only what a list lacks when the corpus grew', async () => {
    const cache = createListCache(ignore);
    const asked: { key: string; after: number }[][] = [];
    const fetch = (lists: Map<string, ListEntries>) => async (stale: readonly { key: string; after: number }[]) => {
      asked.push([...stale]);
      return lists;
    };
    const v1 = { removals: 0, token: 'a' };
    const first = await cache.read(
      ['t1', 't2'],
      v1,
      fetch(
        new Map([
          ['t1', entries(1, 4)],
          ['t2', entries(2)],
        ]),
      ),
    );
    expect(seqsOf(first.get('t1'))).toEqual([1, 4]);
    await cache.read(['t1'], v1, fetch(new Map()));
    expect(asked).toEqual([
      [
        { key: 't1', after: 0 },
        { key: 't2', after: 0 },
      ],
    ]);
    // The corpus grew: t1 asks for what came after seq 4 and keeps what it had.
    const grown = await cache.read(['t1'], { removals: 0, token: 'b' }, fetch(new Map([['t1', entries(9)]])));
    expect(asked[1]).toEqual([{ key: 't1', after: 4 }]);
    expect(seqsOf(grown.get('t1'))).toEqual([1, 4, 9]);
    // A removal anywhere: everything is read again from the start.
    const removed = await cache.read(['t1'], { removals: 1, token: 'c' }, fetch(new Map([['t1', entries(4, 9)]])));
    expect(asked[2]).toEqual([{ key: 't1', after: 0 }]);
    expect(seqsOf(removed.get('t1'))).toEqual([4, 9]);
  });

  it('drops the least recently used lists past its cap, never the one just read', async () => {
    const cache = createListCache(ignore, 4);
    const version = { removals: 0, token: 'a' };
    let fetched: string[] = [];
    const fetch = async (stale: readonly { key: string }[]) => {
      fetched = stale.map((s) => s.key);
      return new Map(stale.map(({ key }) => [key, entries(1, 2)]));
    };
    await cache.read(['a'], version, fetch);
    await cache.read(['b'], version, fetch);
    fetched = [];
    await cache.read(['a'], version, fetch); // cached, and now the most recently used
    expect(fetched).toEqual([]);
    await cache.read(['c'], version, fetch); // past the cap: b goes
    await cache.read(['a'], version, fetch);
    expect(fetched).toEqual(['c']);
    await cache.read(['b'], version, fetch);
    expect(fetched).toEqual(['b']);
    const big = createListCache(ignore, 1);
    const read = await big.read(['x'], version, fetch);
    expect(read.get('x')?.length).toBe(2);
  });

  it('shows every list read to learn, keeps counts, and keeps a phrase not counted (tf 0) without counts', async () => {
    const learnt: number[][] = [];
    const cache = createListCache((read) => learnt.push([...read.lengths]));
    const list = (rows: [number, number, number][]) => decodeEntries(pack(rows));
    const lists = new Map([
      [
        't1',
        list([
          [3, 2, 40],
          [7, 1, 9],
        ]),
      ],
      [
        'p1,2',
        list([
          [3, 0, 40],
          [9, 0, 12],
        ]),
      ],
    ]);
    const v1 = { removals: 0, token: 'a' };
    const read = await cache.read(['t1', 'p1,2'], v1, async () => lists);
    expect(learnt).toEqual([
      [40, 9],
      [40, 12],
    ]);
    const term = unpack(read.get('t1') as PackedPostings);
    expect([...(term.counts ?? [])]).toEqual([2, 1]);
    expect(read.get('p1,2')?.most).toBe(0);
    // A counted list whose tail comes uncounted becomes uncounted as a whole (a fresh read of it would be).
    const tail = new Map([['t1', list([[12, 0, 5]])]]);
    const grown = await cache.read(['t1'], { removals: 0, token: 'b' }, async () => tail);
    expect(grown.get('t1')?.most).toBe(0);
    expect(seqsOf(grown.get('t1'))).toEqual([3, 7, 12]);
  });
});
