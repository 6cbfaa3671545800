import { describe, expect, it } from 'vitest';
import { isCalendarWord } from '../../core/language/calendar.ts';

describe('isCalendarWord', () => {
  it.each([
    ['March', true],
    ['sept', true],
    ['Dec.', true],
    ['thursday', true],
    ['2019', true],
    ['21st', true],
    ['4', true],
    ['treaty', false],
    ['Lisbon', false],
    ['mayor', false],
    ['sunday-school', false],
    ['G7', false],
  ])('%s → %s', (word, expected) => {
    expect(isCalendarWord(word)).toBe(expected);
  });
});
