import { describe, expect, it } from 'vitest';
import { numeral, statesDuration } from '../../core/engines/extractive/answer-types.ts';

describe('numeral', () => {
  it.each([
    ['17', null],
    ['2,500', null],
    ['forty-two', null],
    ['twelve', null],
    ['3%', null],
    ['9-point', 'point'],
    ['ten-day', 'day'],
    ['twenty-one-gun', 'gun'],
  ])('reads %s as a number counting %s', (word, counted) => {
    expect(numeral(word)).toEqual({ counted });
  });

  it.each(['summit', 'point-blank', 'G7'])('does not read %s as a number', (word) => {
    expect(numeral(word)).toBeNull();
  });
});

describe('statesDuration', () => {
  it.each([
    ['The hearing ran for 90 minutes.', true],
    ['After a nine-hour session the panel adjourned.', true],
    ['The envoys were given a few days to reply.', true],
    ['She arrived on a week-long tour of the region.', true],
    ['Talks went on overnight.', true],
    ['The minister arrived on Tuesday in Oslo.', false],
    ['Three ministers signed the text.', false],
  ])('%s → %s', (text, expected) => {
    expect(statesDuration(text)).toBe(expected);
  });
});
