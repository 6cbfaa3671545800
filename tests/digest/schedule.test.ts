import { describe, expect, it } from 'vitest';
import {
  claimState,
  dueSubscriptions,
  nextRunAt,
  planDigests,
  type RunState,
  runKey,
  type ScheduledSubscription,
} from '../../core/digest/schedule.ts';

const berlin: ScheduledSubscription = {
  id: 1,
  localTime: '08:00',
  timezone: 'Europe/Berlin',
  createdAt: '2026-01-01T00:00:00Z',
};
const NO_PARTS = { partsSent: 0, partStartedAt: null };
const sent: RunState = {
  status: 'sent',
  attempts: 1,
  claimedAt: '2026-01-10T07:00:00Z',
  partsSent: 1,
  partStartedAt: null,
};
const runs = (entries: [number, string, RunState][]) =>
  new Map(entries.map(([id, date, run]) => [runKey(id, date), run]));
const at = (iso: string) => new Date(iso);

describe('planDigests', () => {
  it('is due once the local time has passed today and today has no finished run', () => {
    expect(dueSubscriptions([berlin], new Map(), at('2026-01-10T06:59:00Z'))).toEqual([]);
    const [due] = dueSubscriptions([berlin], new Map(), at('2026-01-10T07:00:00Z'));
    expect(due).toMatchObject({ localDate: '2026-01-10', late: false, existing: null });
    expect(due?.scheduledAt.toISOString()).toBe('2026-01-10T07:00:00.000Z');
    expect(dueSubscriptions([berlin], runs([[1, '2026-01-10', sent]]), at('2026-01-10T12:00:00Z'))).toEqual([]);
  });

  it('uses the subscription zone for "today"', () => {
    const newYork = { ...berlin, id: 2, timezone: 'America/New_York', localTime: '21:00' };
    // 02:30Z on the 11th is 21:30 on the 10th in New York.
    const [due] = dueSubscriptions([newYork], runs([[2, '2026-01-11', sent]]), at('2026-01-11T02:30:00Z'));
    expect(due?.localDate).toBe('2026-01-10');
  });

  it('sends a digest missed during downtime late, the same local day only', () => {
    const [due] = dueSubscriptions([berlin], new Map(), at('2026-01-10T20:00:00Z'));
    expect(due).toMatchObject({ localDate: '2026-01-10', late: true });
    // 23:30Z is already the 11th in Berlin: the 10th is missed, the 11th not yet due.
    // Days before the latest recorded run (the 9th) were settled when that run was planned.
    const plan = planDigests([berlin], runs([[1, '2026-01-09', sent]]), at('2026-01-10T23:30:00Z'));
    expect(plan.due).toEqual([]);
    expect(plan.missed.map((m) => m.localDate)).toEqual(['2026-01-10']);
  });

  it('reports missed days only since the subscription existed, at most a week back', () => {
    const recent = { ...berlin, createdAt: '2026-01-08T09:00:00Z' };
    const plan = planDigests([recent], new Map(), at('2026-01-11T05:00:00Z'));
    // The 8th at 08:00 Berlin (07:00Z) was before the subscription existed.
    expect(plan.missed.map((m) => m.localDate)).toEqual(['2026-01-09', '2026-01-10']);
    const old = planDigests([berlin], new Map(), at('2026-03-01T05:00:00Z'));
    expect(old.missed).toHaveLength(7);
  });

  it('keeps a claimed run due with the claim attached, so the runner can judge it', () => {
    const claimed: RunState = { status: 'claimed', attempts: 0, claimedAt: '2026-01-10T07:00:00Z', ...NO_PARTS };
    const [due] = dueSubscriptions([berlin], runs([[1, '2026-01-10', claimed]]), at('2026-01-10T07:01:00Z'));
    expect(due?.existing).toEqual(claimed);
  });

  describe('daylight saving time', () => {
    it('runs a time skipped by spring forward at the next valid minute (Berlin 02:30 → 03:00)', () => {
      const s = { ...berlin, localTime: '02:30' };
      expect(dueSubscriptions([s], new Map(), at('2026-03-29T00:59:00Z'))).toEqual([]); // 01:59 CET
      const [due] = dueSubscriptions([s], new Map(), at('2026-03-29T01:00:00Z')); // 03:00 CEST
      expect(due).toMatchObject({ localDate: '2026-03-29', late: false });
    });

    it('runs a time skipped by spring forward at the next valid minute (New York 02:30 → 03:00)', () => {
      const s = { ...berlin, timezone: 'America/New_York', localTime: '02:30' };
      expect(dueSubscriptions([s], new Map(), at('2026-03-08T06:59:00Z'))).toEqual([]); // 01:59 EST
      expect(dueSubscriptions([s], new Map(), at('2026-03-08T07:00:00Z'))).toHaveLength(1); // 03:00 EDT
    });

    it('runs a repeated time once on a fall-back day (Berlin 02:30, New York 01:30)', () => {
      const b = { ...berlin, localTime: '02:30' };
      expect(dueSubscriptions([b], new Map(), at('2026-10-25T00:29:00Z'))).toEqual([]);
      expect(dueSubscriptions([b], new Map(), at('2026-10-25T00:30:00Z'))).toHaveLength(1);
      // The second 02:30 (01:30Z) finds the first occurrence's run.
      expect(dueSubscriptions([b], runs([[1, '2026-10-25', sent]]), at('2026-10-25T01:30:00Z'))).toEqual([]);
      const n = { ...berlin, timezone: 'America/New_York', localTime: '01:30' };
      expect(dueSubscriptions([n], new Map(), at('2026-11-01T05:30:00Z'))).toHaveLength(1);
      expect(dueSubscriptions([n], runs([[1, '2026-11-01', sent]]), at('2026-11-01T06:30:00Z'))).toEqual([]);
    });
  });
});

describe('claimState', () => {
  const now = at('2026-01-10T08:00:00Z');
  it('classifies claims by the age of their last heartbeat (one lease) and what they recorded', () => {
    const claim = (attempts: number, claimedAt: string, parts: Partial<RunState> = {}): RunState => ({
      status: 'claimed',
      attempts,
      claimedAt,
      ...NO_PARTS,
      ...parts,
    });
    expect(claimState(sent, now)).toBe('final');
    expect(claimState(claim(0, '2026-01-10T07:59:45Z'), now)).toBe('in-progress');
    expect(claimState(claim(1, '2026-01-10T07:59:45Z', { partStartedAt: '2026-01-10T07:59:45Z' }), now)).toBe(
      'in-progress',
    );
    expect(claimState(claim(0, '2026-01-10T07:59:29Z'), now)).toBe('abandoned');
    // A dead owner mid-send (a part under way, or some parts confirmed): taken over and finished from there.
    expect(claimState(claim(1, '2026-01-10T07:59:29Z', { partStartedAt: '2026-01-10T07:59:20Z' }), now)).toBe(
      'abandoned',
    );
    expect(claimState(claim(2, '2026-01-10T07:59:29Z', { partsSent: 2 }), now)).toBe('abandoned');
    // Attempts with no part recorded: a run of a process from before per-part records, never resent.
    expect(claimState(claim(2, '2026-01-10T07:59:29Z'), now)).toBe('interrupted');
    expect(claimState(claim(0, '2026-01-10T07:55:00Z'), now, 600_000)).toBe('in-progress');
  });
});

describe('nextRunAt', () => {
  it('is today at the local time, now when due, or tomorrow when today is done', () => {
    expect(nextRunAt(berlin, new Map(), at('2026-01-10T05:00:00Z')).toISOString()).toBe('2026-01-10T07:00:00.000Z');
    expect(nextRunAt(berlin, new Map(), at('2026-01-10T09:00:00Z')).toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(nextRunAt(berlin, runs([[1, '2026-01-10', sent]]), at('2026-01-10T09:00:00Z')).toISOString()).toBe(
      '2026-01-11T07:00:00.000Z',
    );
  });

  it('follows DST: the day after the clocks change keeps the local time', () => {
    const s = { ...berlin, localTime: '02:30' };
    expect(nextRunAt(s, runs([[1, '2026-03-28', sent]]), at('2026-03-28T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(nextRunAt(s, runs([[1, '2026-03-29', sent]]), at('2026-03-29T12:00:00Z')).toISOString()).toBe(
      '2026-03-30T00:30:00.000Z',
    );
  });
});
