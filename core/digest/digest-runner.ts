/**
 * Posts the digests that are due at an instant, exactly once per subscription
 * and local day: a run is claimed by inserting its (subscription, local date)
 * row before anything is sent, every attempt is counted before it is made,
 * and a claim that may have been delivered is never retried by anyone else.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { AttacheApi } from '../api.ts';
import { errorLine } from '../errors.ts';
import { instanceName, whileRenewing } from '../lease.ts';
import type { Clock } from '../ports/clock.ts';
import type { DigestStore, RunClaim, SubscriptionRecord } from '../ports/digest-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { Platform, Sender } from '../ports/sender.ts';
import { retryDelay as nextDelay } from '../retry.ts';
import { composeDigest } from './digest-content.ts';
import {
  claimState,
  type DueDigest,
  indexRuns,
  MISSED_LOOKBACK_DAYS,
  planDigests,
  STALE_CLAIM_MS,
} from './schedule.ts';
import { addDays } from './time-zone.ts';

export type DigestOutcome = 'sent' | 'quiet' | 'gone' | 'failed' | 'skipped' | 'no-sender' | 'busy';

/** What happened to one subscription's digest of one local date. */
export interface DigestReportItem {
  subscriptionId: number;
  platform: Platform;
  targetId: string;
  localDate: string;
  /**
   * sent; quiet (no new story and the subscription wants silence then: nothing posted, the day is done);
   * gone (target gone, subscription deactivated); failed (reason given; never resent);
   * skipped (an earlier day missed during downtime); no-sender (platform not configured here,
   * left unclaimed); busy (another process holds the run).
   */
  outcome: DigestOutcome;
  attempts: number;
  /** Sent well after its scheduled time (catch-up). */
  late: boolean;
  messageIds?: string[];
  reason?: string;
  /** No new story passed the subscription's filters (the digest said so, or was not posted). */
  nothingNew?: boolean;
  /** Stories in the digest. */
  stories?: number;
}

export interface DigestRunReport {
  /** The instant the plan was made for (ISO). */
  at: string;
  items: DigestReportItem[];
}

export interface RetryPolicy {
  /** Send attempts in all. */
  attempts: number;
  /** Wait after the first failure; each later wait is four times longer (up to half less, for jitter). */
  baseDelayMs: number;
  /** Longest wait; a platform asking to wait longer (retry-after) fails the run instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

export const INTERRUPTED_REASON = 'interrupted; not resent to avoid a duplicate';

export interface DigestRunnerDeps {
  store: DigestStore;
  /** Topic filters search the corpus. */
  attache: Pick<AttacheApi, 'search'>;
  /** Time for claims and heartbeats (not for the schedule, which uses the instant given to runDue). */
  clock: Clock;
  logger: Logger;
  /** Waits between attempts; injectable so tests do not wait. Rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Names this process in claims; unique per runner by default. */
  instanceId?: string;
  retry?: Partial<RetryPolicy>;
  /** How long a claim lasts without its owner's heartbeat (renewed every third of it); STALE_CLAIM_MS by default. */
  staleClaimMs?: number;
  /** 0–1, for the retry jitter (Math.random by default). */
  random?: () => number;
}

export interface DigestRunner {
  /**
   * Records missed earlier days as skipped and posts every digest due at
   * `instant` through the sender of its platform. With `signal` aborted, no
   * further digest is started and pending retries stop (the run is marked failed).
   */
  runDue(instant: Date, senders: readonly Sender[], options?: { signal?: AbortSignal }): Promise<DigestRunReport>;
}

/** Error text for the database and logs: core's one description, secrets redacted, one short line. */
export function describeError(error: unknown): string {
  return errorLine(error);
}

const defaultSleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {});

/** Creates the runner that `bot/scheduler.ts` and `digest run-due` call. */
export function createDigestRunner(deps: DigestRunnerDeps): DigestRunner {
  const { store, clock, logger } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  const me = deps.instanceId ?? instanceName();
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const staleMs = deps.staleClaimMs ?? STALE_CLAIM_MS;
  const warnedPlatforms = new Set<Platform>();
  const now = () => clock.now().toISOString();

  type Base = Omit<DigestReportItem, 'outcome' | 'attempts'>;

  /** Claims the run, takes over an abandoned claim, or settles an interrupted one. */
  async function acquire(due: DueDigest<SubscriptionRecord>, base: Base): Promise<RunClaim | DigestReportItem | null> {
    const result = await store.claimRun({
      subscriptionId: due.subscription.id,
      localDate: due.localDate,
      claimedBy: me,
      at: now(),
    });
    if (result.outcome === 'inactive') return null;
    if (result.outcome === 'claimed') return { runId: result.run.id, claimedBy: me };
    const run = result.run;
    const busy: DigestReportItem = { ...base, outcome: 'busy', attempts: run.attempts, reason: 'claimed elsewhere' };
    switch (claimState(run, clock.now(), staleMs)) {
      case 'final':
        return null;
      case 'in-progress':
        return busy;
      case 'abandoned':
        if (!(await store.takeOverRun(run, me, now()))) return busy;
        logger.info({ ...base, from: run.claimedBy }, 'taking over an abandoned digest claim (nothing was sent)');
        return { runId: run.id, claimedBy: me };
      case 'interrupted':
        if (!(await store.failInterruptedRun(run, INTERRUPTED_REASON, now()))) return busy;
        logger.warn({ ...base, attempts: run.attempts }, 'digest run was interrupted after a send attempt; not resent');
        return { ...base, outcome: 'failed', attempts: run.attempts, reason: INTERRUPTED_REASON };
    }
  }

  /** The wait before the next attempt (core's retry policy: backoff with jitter, retry-after honoured), or null. */
  function retryDelay(error: unknown, attempt: number): number | null {
    return nextDelay(error, attempt, { ...retry, factor: 4 }, deps.random);
  }

  /** Delivers with the claim renewed meanwhile: a live owner keeps it however long sending and retries take. */
  async function deliver(
    due: DueDigest<SubscriptionRecord>,
    sender: Sender,
    signal: AbortSignal | undefined,
  ): Promise<DigestReportItem | null> {
    let claim: RunClaim | null = null;
    const renew = async () => {
      if (claim) await store.renewClaim(claim, now());
    };
    const warn = (error: unknown) => logger.warn({ error: describeError(error) }, 'digest claim not renewed');
    return whileRenewing(staleMs, renew, () => deliverClaimed(due, sender, signal, (c) => (claim = c)), warn);
  }

  async function deliverClaimed(
    due: DueDigest<SubscriptionRecord>,
    sender: Sender,
    signal: AbortSignal | undefined,
    claimed: (claim: RunClaim) => void,
  ): Promise<DigestReportItem | null> {
    const { subscription: sub, localDate } = due;
    const base: Base = {
      subscriptionId: sub.id,
      platform: sub.platform,
      targetId: sub.targetId,
      localDate,
      late: due.late,
    };
    const acquired = await acquire(due, base);
    if (acquired === null || 'outcome' in acquired) return acquired;
    const claim = acquired;
    claimed(claim);

    // Read before briefing: anything ingested meanwhile is covered by the next digest too, never lost.
    const coveredUntil = await store.corpusWatermark();
    let digest: Awaited<ReturnType<typeof composeDigest>>;
    try {
      digest = await composeDigest(
        { store, attache: deps.attache },
        {
          subscription: sub,
          localDate,
          lastCoveredUntil: (await store.lastSentRun(sub.id))?.coveredUntil ?? null,
          coveredUntil,
          at: due.scheduledAt,
          unsubscribeHint: sender.unsubscribeHint,
          digestChars: sender.digestChars,
        },
      );
    } catch (error) {
      const reason = `could not build the digest: ${describeError(error)}`;
      await store.markFailed(claim, reason, now());
      logger.error({ ...base, reason }, 'digest failed');
      return { ...base, outcome: 'failed', attempts: 0, reason };
    }

    const reply = digest.reply;
    if (reply === null) {
      // Nothing new and the subscription wants silence: the day is settled without a post.
      await store.markSent(claim, { messageIds: [], coveredUntil, at: now() });
      logger.info({ ...base }, 'no new stories; digest not posted (silent)');
      return { ...base, outcome: 'quiet', attempts: 0, nothingNew: true, stories: 0 };
    }
    let lastError = 'not attempted';
    let attempts = 0;
    while (attempts < retry.attempts) {
      if (!(await store.recordAttempt(claim, now()))) {
        return { ...base, outcome: 'busy', attempts, reason: 'claim lost to another process' };
      }
      attempts++;
      try {
        const outcome = await sender.send(sub.targetId, reply);
        if (outcome.status === 'sent') {
          await store.markSent(claim, { messageIds: outcome.messageIds, coveredUntil, at: now() });
          logger.info({ ...base, attempts, messageIds: outcome.messageIds }, 'digest sent');
          return {
            ...base,
            outcome: 'sent',
            attempts,
            messageIds: outcome.messageIds,
            nothingNew: digest.nothingNew,
            stories: digest.stories,
          };
        }
        const reason = `target gone: ${outcome.reason}`;
        await store.markGone(claim, sub.id, reason, now());
        logger.warn({ ...base, reason }, 'digest target is gone; subscription deactivated');
        return { ...base, outcome: 'gone', attempts, reason };
      } catch (error) {
        lastError = describeError(error);
        const wait = attempts < retry.attempts ? retryDelay(error, attempts) : null;
        logger.warn({ ...base, attempt: attempts, error: lastError, retryInMs: wait }, 'digest send failed');
        if (wait === null) break;
        try {
          await sleep(wait, signal);
        } catch {
          lastError = `${lastError} (stopped before retrying)`;
          break;
        }
      }
    }
    await store.markFailed(claim, lastError, now());
    logger.error({ ...base, attempts, reason: lastError }, 'digest failed');
    return { ...base, outcome: 'failed', attempts, reason: lastError };
  }

  return {
    async runDue(instant, senders, options = {}) {
      const subscriptions = await store.listActiveSubscriptions();
      // Local dates differ from the UTC date by at most a day; one more keeps the margin.
      const since = addDays(instant.toISOString().slice(0, 10), -(MISSED_LOOKBACK_DAYS + 2));
      const plan = planDigests(subscriptions, indexRuns(await store.runsSince(since)), instant);
      const items: DigestReportItem[] = [];

      for (const missed of plan.missed) {
        const { subscription: sub, localDate } = missed;
        const reason = `missed: no digest was sent on ${localDate} at ${sub.localTime} ${sub.timezone} (the bot was not running or could not post); late digests are only sent the same local day`;
        if (await store.recordSkipped({ subscriptionId: sub.id, localDate, reason, at: now() })) {
          logger.info({ subscriptionId: sub.id, localDate }, 'missed digest recorded as skipped');
          items.push({
            subscriptionId: sub.id,
            platform: sub.platform,
            targetId: sub.targetId,
            localDate,
            outcome: 'skipped',
            attempts: 0,
            late: false,
            reason,
          });
        }
      }

      for (const due of plan.due) {
        if (options.signal?.aborted) break;
        const { subscription: sub } = due;
        const sender = senders.find((s) => s.platform === sub.platform);
        if (!sender) {
          if (!warnedPlatforms.has(sub.platform)) {
            warnedPlatforms.add(sub.platform);
            logger.warn(
              { platform: sub.platform },
              'digests are due but this platform has no token here; left for later',
            );
          }
          items.push({
            subscriptionId: sub.id,
            platform: sub.platform,
            targetId: sub.targetId,
            localDate: due.localDate,
            outcome: 'no-sender',
            attempts: 0,
            late: due.late,
            reason: `${sub.platform} is not configured (no token)`,
          });
          continue;
        }
        const item = await deliver(due, sender, options.signal);
        if (item) items.push(item);
      }
      return { at: instant.toISOString(), items };
    },
  };
}
