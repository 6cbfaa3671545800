import { describe, expect, it } from 'vitest';
import { relatedWords } from '../../core/language/wordnet.ts';

describe('relatedWords (WordNet)', () => {
  it.each([
    ['injure', 'hurt'],
    ['begin', 'start'],
    ['concession', 'concede'],
    ['withdraw', 'withdrawal'],
    ['quit', 'resign'],
  ])('relates %s to %s', (word, related) => {
    expect(relatedWords(word).has(related)).toBe(true);
  });

  it('knows nothing of names and leaves out the word itself', () => {
    expect(relatedWords('ryabkov').size).toBe(0);
    expect(relatedWords('talk').has('talk')).toBe(false);
  });
});
