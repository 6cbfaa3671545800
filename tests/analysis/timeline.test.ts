import { describe, expect, it } from 'vitest';
import { buildTimeline, timelineReply } from '../../core/analysis/timeline.ts';
import { passage } from './passage-fixture.ts';

describe('buildTimeline', () => {
  const dw = passage(
    'dw',
    'DW',
    'Russia ruled out any concession on Sunday, its deputy foreign minister said. The talks in Geneva began on Monday with a working session.',
    '2022-01-10',
  );
  const trt = passage(
    'trt',
    'TRT World',
    'On Sunday, Russia ruled out any concession before the Geneva talks.',
    '2022-01-09',
  );
  const reuters = passage(
    'reuters',
    'Reuters',
    "The Kremlin said on Tuesday that Monday's talks in Geneva had been open and direct.",
    '2022-01-11',
  );

  it('orders dated events and merges one event reported by several outlets', () => {
    const { entries } = buildTimeline([reuters, dw, trt], 'Geneva');
    expect(entries.map((e) => [e.date, e.citations.map((c) => c.outlet)])).toEqual([
      ['2022-01-09', ['TRT World', 'DW']],
      ['2022-01-10', expect.arrayContaining(['DW', 'Reuters'])],
      ['2022-01-11', ['Reuters']],
    ]);
    const first = entries[0];
    expect(first?.text).toBe('On Sunday, Russia ruled out any concession before the Geneva talks.');
    for (const e of entries) for (const c of e.citations) expect(passageText(c.passageId)).toContain(c.quote);
    // Citations are numbered across the timeline.
    expect(entries.flatMap((e) => e.citations.map((c) => c.n))).toEqual(
      entries.flatMap((e) => e.citations).map((_, i) => i + 1),
    );
  });

  it('never guesses a date for relative wording in an undated article', () => {
    const undated = passage('x', 'X', 'On Sunday, Russia ruled out any concession before the Geneva talks.', null);
    expect(buildTimeline([undated]).entries).toEqual([]);
    const explicit = passage('y', 'Y', 'The grain deal was signed in Istanbul on 22 July 2022 by both sides.', null);
    expect(buildTimeline([explicit]).entries.map((e) => e.date)).toEqual(['2022-07-22']);
  });

  it('renders as a briefing-shaped reply, or a refusal when nothing is dated', () => {
    const r = timelineReply(buildTimeline([trt], 'Geneva'), 'extractive');
    expect(r.title).toBe('Timeline: Geneva');
    expect(r.blocks[0]?.text).toBe(
      '9 January 2022: “On Sunday, Russia ruled out any concession before the Geneva talks.” [1]',
    );
    expect(timelineReply({ topic: null, entries: [] }, 'extractive').status).toBe('refused');
  });

  function passageText(id: string): string {
    return [dw, trt, reuters].find((p) => p.id === id)?.text ?? '';
  }
});
