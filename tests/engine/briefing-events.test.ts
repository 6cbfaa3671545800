import { describe, expect, it } from 'vitest';
import { eventDay } from '../../core/engines/extractive/briefing-events.ts';
import { leansBack } from '../../core/engines/extractive/compose-briefing.ts';
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

describe('leansBack', () => {
  it.each([
    ['Musa stated this during an interview with the BBC on Sunday.', true],
    ['Gen. Musa made this known on Thursday, during a meeting in Accra.', true],
    ['Failing this, ECOWAS had threatened to use force.', true],
    ['ECOWAS held its summit in Abuja this week.', false],
    ['This year the bloc met in Abuja.', false],
    ['The leaders said that on Sunday the border would close.', false],
  ])('%s → %s', (text, leans) => {
    expect(leansBack(unitOf(text, '2023-08-20'))).toBe(leans);
  });
});
