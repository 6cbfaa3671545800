import { describe, expect, it } from 'vitest';
import { formatDateRange, resolveDates } from '../../core/language/dates.ts';

/** [case, text, publishedAt, expected [phrase, from, to?] in text order]. */
const CASES: [string, string, string | null, [string, string, string?][]][] = [
  [
    'a past weekday on publication day',
    'Russia on Sunday ruled out any concession.',
    '2022-01-09',
    [['on Sunday', '2022-01-09']],
  ],
  ['a past weekday earlier in the week', 'Ryabkov spoke on Sunday.', '2022-01-11', [['on Sunday', '2022-01-09']]],
  [
    'a future weekday the next day',
    'Talks are scheduled to begin in Geneva on Monday.',
    '2022-01-09',
    [['on Monday', '2022-01-10']],
  ],
  [
    'a possessive weekday across a month boundary',
    "After Wednesday's meeting, envoys left.",
    '2022-02-04',
    [['Wednesday', '2022-02-02']],
  ],
  [
    'a past weekday across a year boundary',
    'The minister arrived on Thursday.',
    '2022-01-01',
    [['on Thursday', '2021-12-30']],
  ],
  [
    'a future weekday across a month boundary',
    'Leaders will meet on Tuesday.',
    '2022-01-30',
    [['on Tuesday', '2022-02-01']],
  ],
  [
    'an untensed weekday: the nearer one',
    'A larger discussion in Geneva starting on Monday.',
    '2022-01-09',
    [['on Monday', '2022-01-10']],
  ],
  [
    'a past event a day before',
    "Monday's talks in Geneva were held in an open manner.",
    '2022-01-11',
    [['Monday', '2022-01-10']],
  ],
  ['a past verb beats nearness', 'Ryabkov met Sherman on Thursday.', '2022-01-09', [['on Thursday', '2022-01-06']]],
  [
    'two weekdays, one with a time of day',
    'Originally scheduled to start on Monday, Sherman is now due to have a working dinner with Ryabkov on Sunday evening.',
    '2022-01-09',
    [
      ['on Monday', '2022-01-10'],
      ['on Sunday evening', '2022-01-09'],
    ],
  ],
  ['vague spans are not days', 'Signals came in the last few days.', '2022-01-09', []],
  [
    'last week across a month boundary',
    'Last week the envoy visited Kyiv.',
    '2022-03-02',
    [['Last week', '2022-02-21', '2022-02-27']],
  ],
  ['next week', 'Talks resume next week.', '2022-01-09', [['next week', '2022-01-10', '2022-01-16']]],
  [
    'earlier this month',
    'Earlier this month the sides met in Vienna.',
    '2022-01-20',
    [['Earlier this month', '2022-01-01', '2022-01-19']],
  ],
  [
    'last month across a year boundary',
    'Last month the talks stalled.',
    '2022-01-10',
    [['Last month', '2021-12-01', '2021-12-31']],
  ],
  [
    'yesterday and a day without a year',
    'Yesterday he recalled the December 30 call.',
    '2022-01-10',
    [
      ['Yesterday', '2022-01-09'],
      ['December 30', '2021-12-30'],
    ],
  ],
  [
    'an explicit date',
    'The deal was signed on July 22, 2022 in Istanbul.',
    '2023-07-17',
    [['July 22, 2022', '2022-07-22']],
  ],
  [
    'an explicit date without publication date',
    'The deal was signed on 22 July 2022.',
    null,
    [['on 22 July 2022', '2022-07-22']],
  ],
  ['a month with its year', 'Russia quit the deal in July 2023.', null, [['July 2023', '2023-07-01', '2023-07-31']]],
  ['relative words without publication date', 'On Sunday, and again last week and yesterday, on 9 January.', null, []],
  [
    'durations and other events are not dates',
    'They met for two hours, eight years after the seizure.',
    '2022-01-10',
    [],
  ],
  ['ambiguous numeric dates are skipped', 'Signed 10/01/2022.', '2022-01-10', []],
];

describe('resolveDates', () => {
  it.each(CASES)('%s', (_name, text, publishedAt, expected) => {
    const mentions = resolveDates(text, publishedAt);
    expect(mentions.map((m) => [m.text, m.from, m.to])).toEqual(expected.map(([t, f, to]) => [t, f, to ?? f]));
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('marks what depends on the publication date as relative', () => {
    const [weekday, explicit] = resolveDates('On Sunday, not on 9 January 2022.', '2022-01-11');
    expect(weekday?.relative).toBe(true);
    expect(explicit?.relative).toBe(false);
  });

  it('ignores a malformed publication date rather than guessing', () => {
    expect(resolveDates('On Sunday they met.', '2022-13-45')).toEqual([]);
  });
});

describe('formatDateRange', () => {
  it.each([
    ['2022-01-09', '2022-01-09', '9 January 2022'],
    ['2022-01-03', '2022-01-09', '3–9 January 2022'],
    ['2021-12-27', '2022-01-02', '27 December 2021 – 2 January 2022'],
    ['2023-07-01', '2023-07-31', 'July 2023'],
  ])('%s..%s', (from, to, text) => {
    expect(formatDateRange(from, to)).toBe(text);
  });
});
