import { describe, expect, it } from 'vitest';
import { foldCase, surnameKey } from '../../core/language/fold.ts';

describe('foldCase', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['Vučić', 'vucic'],
    ['Türkiye', 'turkiye'],
    ['Łukasz', 'lukasz'],
    ['GENEVA', 'geneva'],
    ['António', 'antonio'],
    ['Dolmabahçe', 'dolmabahce'],
  ])('%s → %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('keeps the length of text written in accented Latin letters, so offsets carry over', () => {
    const text = 'Presidents Erdoğan and Vučić met in Türkiye.';
    expect(foldCase(text)).toHaveLength(text.length);
  });
});

describe('surnameKey', () => {
  it.each([
    ['zelenskiy', 'zelensky'],
    ['zelenskyy', 'zelensky'],
    ['zelensky', 'zelensky'],
    ['amir-abdollahian', 'abdollahian'],
    ['abdollahian', 'abdollahian'],
    ['peskov', 'peskov'],
    // Only the ending changes: a name that merely contains "iy" keeps it.
    ['kiyomi', 'kiyomi'],
  ])('%s → %s', (surname, key) => {
    expect(surnameKey(surname)).toBe(key);
  });
});
