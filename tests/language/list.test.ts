import { describe, expect, it } from 'vitest';
import { joinNames } from '../../core/language/list.ts';

describe('joinNames', () => {
  it.each([
    [[], ''],
    [['Kosovo'], 'Kosovo'],
    [['Kosovo', 'Serbia'], 'Kosovo and Serbia'],
    [['Joe Biden', 'Xi Jinping', 'Bali'], 'Joe Biden, Xi Jinping and Bali'],
  ])('%j → %s', (names, expected) => {
    expect(joinNames(names)).toBe(expected);
  });
});
