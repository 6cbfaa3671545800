import { describe, expect, it } from 'vitest';
import { eventDay } from '../../core/engines/extractive/briefing-events.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';

/** The unit of a one-sentence article published on `date`. */
function unitOf(text: string, date: string | null) {
  const ctx = buildContext([
    {
      id: 'd:0',
      documentId: 'd',
      ordinal: 0,
      text,
      start: 0,
      end: text.length,
      score: 0,
      document: { id: 'd', title: null, outlet: null, author: null, publishedAt: date, url: null, language: 'en' },
    },
  ]);
  const unit = ctx.units[0];
  if (!unit) throw new Error('no unit');
  return unit;
}

describe('eventDay', () => {
  it.each([
    ['The truce took effect at 7 a.m. on 24 November.', '2023-12-03', '2023-11-24'],
    ['Prigozhin flew to Belarus from Russia on Tuesday.', '2023-06-28', '2023-06-27'],
    ['The ministers met in Beijing to discuss the reopening of embassies.', '2023-04-06', '2023-04-06'],
    // A year or a month dates no one event: the report's day stands.
    ['Relations were severed in 2016 and the embassies closed.', '2023-03-10', '2023-03-10'],
    ['The deal was signed on 22 July 2022 in Istanbul.', null, '2022-07-22'],
    ['The ministers met in Beijing on Thursday.', null, null],
  ])('%s (published %s) → %s', (text, published, day) => {
    expect(eventDay(unitOf(text, published))).toBe(day);
  });
});
