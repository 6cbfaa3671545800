import { describe, expect, it } from 'vitest';
import { foldCase } from '../../core/language/fold.ts';

describe('foldCase', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['Vučić', 'vucic'],
    ['Türkiye', 'turkiye'],
    ['Łukasz', 'lukasz'],
    ['GENEVA', 'geneva'],
  ])('%s → %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('keeps the length of text written in accented Latin letters, so offsets carry over', () => {
    const text = 'Presidents Erdoğan and Vučić met in Türkiye.';
    expect(foldCase(text)).toHaveLength(text.length);
  });
});
