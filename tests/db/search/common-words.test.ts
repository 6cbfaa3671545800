import { describe, expect, it } from 'vitest';
import { COMMON, commonThreshold } from '../../../db/search/common-words.ts';

describe('commonThreshold', () => {
  it('never calls a phrase common on a small corpus', () => {
    expect(commonThreshold(0)).toBe(COMMON.minPassages);
    expect(commonThreshold(50_000)).toBe(COMMON.minPassages);
  });

  it('grows with the corpus past that (2% of the passages)', () => {
    expect(commonThreshold(1_000_000)).toBe(20_000);
    expect(commonThreshold(100_001)).toBe(2_001);
  });

  it('takes a tuned threshold as given', () => {
    expect(commonThreshold(1_000_000, { commonThreshold: 5 })).toBe(5);
    expect(commonThreshold(10, { commonThreshold: 0 })).toBe(0);
  });
});
