/**
 * Which digests are due at an instant: pure functions of the subscriptions,
 * their recorded runs and the instant. The runner acts on the plan; the
 * database's (subscription, local date) key makes acting on it exactly-once.
 */
import { DEFAULT_LEASE_MS } from '../lease.ts';
import type { DigestRunRecord, SubscriptionRecord } from '../ports/digest-store.ts';
import { addDays, localDateTime, zonedInstant } from './time-zone.ts';

/** What scheduling needs of a subscription. */
export type ScheduledSubscription = Pick<SubscriptionRecord, 'id' | 'localTime' | 'timezone' | 'createdAt'>;

/** What scheduling needs of a recorded run. */
export type RunState = Pick<DigestRunRecord, 'status' | 'attempts' | 'claimedAt' | 'partsSent' | 'partStartedAt'>;

/** How many past local days are checked for digests that were never sent (and get a `skipped` row). */
export const MISSED_LOOKBACK_DAYS = 7;

/** A digest sent this long after its time counts as late (sent after downtime). */
export const LATE_AFTER_MS = 5 * 60_000;

/** A claim without a heartbeat for this long belongs to a process that died (its owner renews it while it works). */
export const STALE_CLAIM_MS = DEFAULT_LEASE_MS;

/** Key of `runsByKey` maps. */
export function runKey(subscriptionId: number, localDate: string): string {
  return `${subscriptionId}@${localDate}`;
}

/** Indexes runs by (subscription, local date). */
export function indexRuns<R extends RunState & Pick<DigestRunRecord, 'subscriptionId' | 'localDate'>>(
  runs: readonly R[],
): Map<string, R> {
  return new Map(runs.map((run) => [runKey(run.subscriptionId, run.localDate), run]));
}

/** The instant a subscription's digest is scheduled for on a local date. */
export function scheduledAt(subscription: ScheduledSubscription, localDate: string): Date {
  return zonedInstant(localDate, subscription.localTime, subscription.timezone);
}

export interface DueDigest<S extends ScheduledSubscription> {
  subscription: S;
  /** Today in the subscription's zone: the run's key. */
  localDate: string;
  scheduledAt: Date;
  /** Sent well after its time (catch-up after downtime). */
  late: boolean;
  /** A claimed run of that date, left by this or another process; null when none is recorded. */
  existing: RunState | null;
}

export interface MissedDigest<S extends ScheduledSubscription> {
  subscription: S;
  localDate: string;
  scheduledAt: Date;
}

export interface DigestPlan<S extends ScheduledSubscription> {
  due: DueDigest<S>[];
  /** Earlier local days whose digest was never sent and no longer will be (record them as skipped). */
  missed: MissedDigest<S>[];
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

const isFinal = (run: RunState | undefined): boolean => run !== undefined && run.status !== 'claimed';

/**
 * Plans what to do at `instant`: a subscription is due when its local time has
 * passed today (in its zone), it existed at that time, and today's run is not finished. Only today is ever
 * sent, so a digest missed during downtime goes out late the same local day or
 * not at all; earlier days without a run (back to the latest recorded run, since
 * the subscription existed, at most MISSED_LOOKBACK_DAYS) are reported as missed.
 */
export function planDigests<S extends ScheduledSubscription>(
  subscriptions: readonly S[],
  runsByKey: ReadonlyMap<string, RunState>,
  instant: Date,
): DigestPlan<S> {
  const plan: DigestPlan<S> = { due: [], missed: [] };
  // Many subscriptions share a zone and a time: compute each wall-clock conversion once per plan.
  const todayIn = memoize((zone: string) => localDateTime(instant, zone).date);
  const scheduled = memoize((key: string) => {
    const [timezone = 'UTC', localTime = '00:00', localDate = ''] = key.split('|');
    return zonedInstant(localDate, localTime, timezone);
  });
  const at = (s: S, localDate: string) => scheduled(`${s.timezone}|${s.localTime}|${localDate}`);
  for (const subscription of subscriptions) {
    const today = todayIn(subscription.timezone);
    // Back from yesterday to the first recorded run: days before it were settled by earlier plans.
    const missed: MissedDigest<S>[] = [];
    for (let back = 1; back <= MISSED_LOOKBACK_DAYS; back++) {
      const localDate = addDays(today, -back);
      if (runsByKey.has(runKey(subscription.id, localDate))) break;
      const when = at(subscription, localDate);
      if (when.getTime() < Date.parse(subscription.createdAt)) break;
      if (when.getTime() <= instant.getTime()) missed.unshift({ subscription, localDate, scheduledAt: when });
    }
    plan.missed.push(...missed);
    const todayAt = at(subscription, today);
    const run = runsByKey.get(runKey(subscription.id, today));
    if (todayAt.getTime() > instant.getTime() || isFinal(run)) continue;
    // Subscribed at 15:00 for 08:00: today's 08:00 digest was never owed; the first one is tomorrow's.
    if (todayAt.getTime() < Date.parse(subscription.createdAt)) continue;
    plan.due.push({
      subscription,
      localDate: today,
      scheduledAt: todayAt,
      late: instant.getTime() - todayAt.getTime() >= LATE_AFTER_MS,
      existing: run ?? null,
    });
  }
  return plan;
}

/** The subscriptions due at `instant` (see planDigests). */
export function dueSubscriptions<S extends ScheduledSubscription>(
  subscriptions: readonly S[],
  runsByKey: ReadonlyMap<string, RunState>,
  instant: Date,
): DueDigest<S>[] {
  return planDigests(subscriptions, runsByKey, instant).due;
}

/**
 * What to do with a run row found for a due digest:
 * - `in-progress`: another process holds a fresh claim; leave it.
 * - `abandoned`: a stale claim (its owner died); it may be taken over and finished from its first unsettled part.
 * - `interrupted`: a stale claim whose send attempts predate per-part records (attempts but no part settled or under
 *   way): the whole digest may have been delivered, so it is marked failed and never resent.
 * - `final`: sent, failed or skipped.
 */
export function claimState(
  run: RunState,
  now: Date,
  staleAfterMs = STALE_CLAIM_MS,
): 'in-progress' | 'abandoned' | 'interrupted' | 'final' {
  if (run.status !== 'claimed') return 'final';
  if (now.getTime() - Date.parse(run.claimedAt) < staleAfterMs) return 'in-progress';
  const unrecorded = run.attempts > 0 && run.partsSent === 0 && run.partStartedAt === null;
  return unrecorded ? 'interrupted' : 'abandoned';
}

/**
 * When the subscription's next digest will be posted: today's scheduled time
 * (or now, when it is already due) unless today's run is finished, else the
 * next local day's.
 */
export function nextRunAt(
  subscription: ScheduledSubscription,
  runsByKey: ReadonlyMap<string, RunState>,
  instant: Date,
): Date {
  const today = localDateTime(instant, subscription.timezone).date;
  for (let ahead = 0; ahead <= MISSED_LOOKBACK_DAYS; ahead++) {
    const localDate = addDays(today, ahead);
    if (isFinal(runsByKey.get(runKey(subscription.id, localDate)))) continue;
    const at = scheduledAt(subscription, localDate);
    if (at.getTime() < Date.parse(subscription.createdAt)) continue;
    return at.getTime() > instant.getTime() ? at : instant;
  }
  return scheduledAt(subscription, addDays(today, MISSED_LOOKBACK_DAYS + 1));
}
