import { describe, expect, it } from 'vitest';
import { complete, selfContained } from '../../core/engines/extractive/clusters.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';

const unitOf = (text: string, ordinal = 0) => {
  const ctx = buildContext([
    {
      id: `d:${ordinal}`,
      documentId: 'd',
      ordinal,
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

describe('complete', () => {
  it.each([
    ['The two governments signed the accord in Lisbon on Monday.', 3, true],
    ['“We have a deal,” the envoy said.', 3, true],
    ['Is the accord binding?', 3, true],
    ['Both countries hope to join the EU and have been told they must firs', 3, false],
    ['Leaders back the river accord, envoy says', 0, true],
  ])('%s (paragraph %i) → %s', (text, ordinal, expected) => {
    expect(complete(unitOf(text, ordinal))).toBe(expected);
  });
});
