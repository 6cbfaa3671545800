import { describe, expect, it } from 'vitest';
import type { ListEntries } from '../../../db/pg/pg-list-cache.ts';
import { countPhrase, distinctLists, idf, phraseOccurrences, weighLists } from '../../../db/pg/pg-search-plan.ts';
import { fts5Terms } from '../../../db/search/fts5-terms.ts';

const vocabulary = new Map([
  ['unit', { id: 1, n: 50 }],
  ['state', { id: 2, n: 20 }],
  ['talk', { id: 3, n: 5 }],
]);

const list = (...seqs: number[]): ListEntries => ({
  seqs: Int32Array.from(seqs),
  tfs: new Uint16Array(seqs.length).fill(1),
  lengths: new Uint32Array(seqs.length).fill(10),
});

describe('distinctLists', () => {
  it('keys lists by their terms, counts copies, orders a phrase’s ids rarest first and drops unknown terms', () => {
    const specs = distinctLists(
      [['talks', 'talk'], ['united states'], ['states united', 'moon', 'state moon']],
      vocabulary,
    );
    expect(specs).toEqual([
      { key: 't3', terms: ['talk'], ids: [3], copies: 2 },
      { key: 'p1,2', terms: ['unit', 'state'], ids: [2, 1], copies: 1 },
      { key: 'p2,1', terms: ['state', 'unit'], ids: [2, 1], copies: 1 },
    ]);
  });
});

describe('weighLists', () => {
  it('weighs each list by FTS5’s IDF of its own length times its copies, marks the common ones, drops empty ones', () => {
    const specs = distinctLists([['talk'], ['talks'], ['state'], ['united states']], vocabulary);
    const read = new Map([
      ['t3', list(1, 2)],
      ['t2', list(1, 2, 3, 4, 5)],
      ['p1,2', list()],
    ]);
    const lists = weighLists(specs, (spec) => read.get(spec.key)?.seqs.length ?? 0, 100, 3);
    expect(lists.map((l) => [l.spec.terms.join(' '), l.documents, l.common])).toEqual([
      ['talk', 2, false],
      ['state', 5, true],
    ]);
    expect(lists[0]?.weight).toBeCloseTo(2 * Math.log((100 - 2 + 0.5) / 2.5), 12);
  });

  it('floors IDF as FTS5 does for lists in more than half the passages', () => {
    expect(idf(10, 9)).toBe(1e-6);
    expect(idf(1000, 1)).toBeCloseTo(Math.log(999.5 / 1.5), 12);
  });
});

describe('phrases', () => {
  it('counts runs of the phrase’s terms, overlapping ones included', () => {
    expect(phraseOccurrences(['a', 'b', 'a', 'b', 'a'], ['a', 'b', 'a'])).toBe(2);
    expect(phraseOccurrences(['a'], ['a', 'b'])).toBe(0);
  });

  it('keeps only passages where the phrase runs in order, with its count (stems as FTS5 does)', () => {
    const phrase = fts5Terms('United States');
    const counted = countPhrase(phrase, [
      { seq: 1, length: 6, text: 'The United States and the united states.' },
      { seq: 2, length: 5, text: 'States of the United Nations' },
      { seq: 3, length: 4, text: 'the UNITED-STATES’ position' },
    ]);
    expect([...counted.seqs]).toEqual([1, 3]);
    expect([...counted.tfs]).toEqual([2, 1]);
    expect([...counted.lengths]).toEqual([6, 4]);
  });
});
