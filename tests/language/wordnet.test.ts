import { describe, expect, it } from 'vitest';
import { broaderWords, relatedWords } from '../../core/language/wordnet.ts';

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

describe('broaderWords (WordNet kinds)', () => {
  it.each([
    ['hostage', 'captive', true],
    ['warship', 'vessel', true],
    ['civilian', 'person', true],
    ['detainee', 'prisoner', true],
    // Only upwards, and only a few steps: a vessel is not a warship, a hostage is not an "entity" for counting.
    ['vessel', 'warship', false],
    ['hostage', 'entity', false],
    ['ryabkov', 'person', false],
  ])('%s is a kind of %s: %s', (word, broader, expected) => {
    expect(broaderWords(word).has(broader)).toBe(expected);
  });
});
