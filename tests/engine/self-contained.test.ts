import { describe, expect, it } from 'vitest';
import { selfContained } from '../../core/engines/extractive/clusters.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';

const unitOf = (text: string) => {
  const ctx = buildContext([
    {
      id: 'd:0',
      documentId: 'd',
      ordinal: 0,
      text,
      start: 0,
      end: text.length,
      score: 0,
      document: { id: 'd', title: null, outlet: null, author: null, publishedAt: null, url: null, language: 'en' },
    },
  ]);
  const unit = ctx.units[0];
  if (!unit) throw new Error('no unit');
  return unit;
};

describe('selfContained', () => {
  it.each([
    ['The two governments signed the accord in Lisbon on Monday.', true],
    ['First Lady Maria Costa opened the new bridge on Friday.', true],
    ['Second, it gives each basin a guaranteed minimum flow every year.', false],
    ['Finally, the commission will publish its measurements each week.', false],
    ['Moreover, the farmers will be paid for any losses.', false],
    ['He said the talks had been difficult.', false],
  ])('%s → %s', (text, expected) => {
    expect(selfContained(unitOf(text))).toBe(expected);
  });
});
