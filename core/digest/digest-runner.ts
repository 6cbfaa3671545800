/**
 * Posts the digests that are due at an instant, exactly once per subscription
 * and local day: a run is claimed by inserting its (subscription, local date)
 * row before anything is sent, and its content is fixed before its first part
 * goes out. A claim whose owner died is taken over once it is a lease old and
 * finished from its first unconfirmed part (see digest-delivery.ts).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { AttacheApi } from '../api.ts';
import { errorLine } from '../errors.ts';
import { instanceName, whileRenewing } from '../lease.ts';
import type { Clock } from '../ports/clock.ts';
import type { DigestStore, RunClaim, SubscriptionRecord } from '../ports/digest-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { Delivery, Platform, Sender } from '../ports/sender.ts';
import { retryDelay as nextDelay } from '../retry.ts';
import { deliverParts } from './digest-delivery.ts';
import { DEFAULT_RETRY, type DigestReportItem, type DigestRunReport, type RetryPolicy } from './digest-report.ts';
import { acquireRun, type RunStartContext, runContent } from './run-claim.ts';
import { type DueDigest, indexRuns, MISSED_LOOKBACK_DAYS, planDigests, STALE_CLAIM_MS } from './schedule.ts';
import { addDays } from './time-zone.ts';

export {
  DEFAULT_RETRY,
  type DigestOutcome,
  type DigestReportItem,
  type DigestRunReport,
  INTERRUPTED_REASON,
  type RetryPolicy,
} from './digest-report.ts';

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
  /** The wait before the next attempt (core's retry policy: backoff with jitter, retry-after honoured), or null. */
  const retryDelay = (error: unknown, attempt: number) =>
    nextDelay(error, attempt, { ...retry, factor: 4 }, deps.random);

  type Base = Omit<DigestReportItem, 'outcome' | 'attempts'>;
  const start: RunStartContext = { store, attache: deps.attache, clock, logger, me, staleMs };

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
    const acquired = await acquireRun(start, due, base);
    if (acquired === null || 'outcome' in acquired) return acquired;
    const { claim, run } = acquired;
    claimed(claim);
    const lost: DigestReportItem = { ...base, outcome: 'busy', attempts: 0, reason: 'claim lost to another process' };

    let prepared: Awaited<ReturnType<typeof runContent>>;
    let delivery: Delivery | null = null;
    try {
      prepared = await runContent(start, acquired, due, sender);
      if (prepared !== 'lost' && prepared.content)
        delivery = await sender.prepare(sub.targetId, prepared.content.reply);
    } catch (error) {
      const reason = `could not build the digest: ${describeError(error)}`;
      await store.markFailed(claim, reason, now());
      logger.error({ ...base, reason }, 'digest failed');
      return { ...base, outcome: 'failed', attempts: 0, reason };
    }
    if (prepared === 'lost') return lost;
    const { content, coveredUntil } = prepared;
    if (content === null || delivery === null) {
      // Nothing new and the subscription wants silence: the day is settled without a post.
      await store.markSent(claim, { messageIds: [], coveredUntil, at: now() });
      logger.info({ ...base }, 'no new stories; digest not posted (silent)');
      return { ...base, outcome: 'quiet', attempts: 0, nothingNew: true, stories: 0 };
    }

    const context = {
      store,
      claim,
      clock,
      logger,
      sender,
      digestKey: `${sub.id}:${localDate}`,
      attempts: retry.attempts,
      retryDelay,
      sleep,
      signal,
      log: base,
    };
    const result = await deliverParts(context, delivery, run);
    const { attempts } = result;
    switch (result.status) {
      case 'lost':
        return { ...lost, attempts };
      case 'sent': {
        const { messageIds, note } = result;
        await store.markSent(claim, { messageIds, coveredUntil, at: now() });
        logger.info({ ...base, attempts, messageIds }, 'digest sent');
        const reason = note ?? run.lastError;
        const { nothingNew, stories } = content;
        return { ...base, outcome: 'sent', attempts, messageIds, nothingNew, stories, ...(reason ? { reason } : {}) };
      }
      case 'gone':
        await store.markGone(claim, sub.id, result.reason, now());
        logger.warn({ ...base, reason: result.reason }, 'digest target is gone; subscription deactivated');
        return { ...base, outcome: 'gone', attempts, reason: result.reason };
      case 'failed':
        await store.markFailed(claim, result.reason, now());
        logger.error({ ...base, attempts, reason: result.reason }, 'digest failed');
        return { ...base, outcome: 'failed', attempts, reason: result.reason };
    }
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
