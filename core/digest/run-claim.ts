/**
 * Starting a due digest run: claim its (subscription, local date) row or take over an abandoned claim, then fix
 * what it posts before its first part goes out, so whichever process finishes the run posts the same digest.
 */
import type { AttacheApi } from '../api.ts';
import type { Clock } from '../ports/clock.ts';
import type {
  DigestContent,
  DigestRunRecord,
  DigestStore,
  RunClaim,
  SubscriptionRecord,
} from '../ports/digest-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { Sender } from '../ports/sender.ts';
import { composeDigest } from './digest-content.ts';
import { type DigestReportItem, INTERRUPTED_REASON } from './digest-report.ts';
import { claimState, type DueDigest } from './schedule.ts';

export interface RunStartContext {
  store: DigestStore;
  attache: Pick<AttacheApi, 'search'>;
  clock: Clock;
  logger: Logger;
  /** This process's name in claims. */
  me: string;
  /** How long a claim lasts without its owner's heartbeat. */
  staleMs: number;
}

/** A run this process owns, as its row stood when it was claimed or taken over. */
export interface AcquiredRun {
  claim: RunClaim;
  run: DigestRunRecord;
}

type Base = Omit<DigestReportItem, 'outcome' | 'attempts'>;

/**
 * Claims the run, takes over an abandoned claim, or settles one interrupted before per-part records. Returns the
 * owned run, a report item (busy, or failed), or null (nothing to do: the run is final or the subscription ended).
 */
export async function acquireRun(
  ctx: RunStartContext,
  due: DueDigest<SubscriptionRecord>,
  base: Base,
): Promise<AcquiredRun | DigestReportItem | null> {
  const { store, clock, logger, me } = ctx;
  const now = () => clock.now().toISOString();
  const result = await store.claimRun({
    subscriptionId: due.subscription.id,
    localDate: due.localDate,
    claimedBy: me,
    at: now(),
  });
  if (result.outcome === 'inactive') return null;
  if (result.outcome === 'claimed') return { claim: { runId: result.run.id, claimedBy: me }, run: result.run };
  const run = result.run;
  const busy: DigestReportItem = { ...base, outcome: 'busy', attempts: run.attempts, reason: 'claimed elsewhere' };
  switch (claimState(run, clock.now(), ctx.staleMs)) {
    case 'final':
      return null;
    case 'in-progress':
      return busy;
    case 'abandoned':
      if (!(await store.takeOverRun(run, me, now()))) return busy;
      logger.info(
        { ...base, from: run.claimedBy, partsSent: run.partsSent, underWay: run.partStartedAt !== null },
        'taking over an abandoned digest claim (from its first unconfirmed part)',
      );
      return { claim: { runId: run.id, claimedBy: me }, run };
    case 'interrupted':
      if (!(await store.failInterruptedRun(run, INTERRUPTED_REASON, now()))) return busy;
      logger.warn({ ...base, attempts: run.attempts }, 'digest run was interrupted after a send attempt; not resent');
      return { ...base, outcome: 'failed', attempts: run.attempts, reason: INTERRUPTED_REASON };
  }
}

/**
 * The run's content: the one an earlier owner fixed, or built now (null: nothing new and the subscription wants
 * silence) and fixed before anything is sent. 'lost' when another process took the claim meanwhile.
 */
export async function runContent(
  ctx: RunStartContext,
  { claim, run }: AcquiredRun,
  due: DueDigest<SubscriptionRecord>,
  sender: Sender,
): Promise<{ content: DigestContent | null; coveredUntil: string | null } | 'lost'> {
  const { store } = ctx;
  const saved = await store.runContent(run.id);
  if (saved) return saved;
  // Read before briefing: anything ingested meanwhile is covered by the next digest too, never lost.
  const coveredUntil = await store.corpusWatermark();
  const digest = await composeDigest(
    { store, attache: ctx.attache },
    {
      subscription: due.subscription,
      localDate: due.localDate,
      lastCoveredUntil: (await store.lastSentRun(due.subscription.id))?.coveredUntil ?? null,
      coveredUntil,
      at: due.scheduledAt,
      unsubscribeHint: sender.unsubscribeHint,
      digestChars: sender.digestChars,
    },
  );
  if (digest.reply === null) return { content: null, coveredUntil };
  const content = { reply: digest.reply, nothingNew: digest.nothingNew, stories: digest.stories };
  const at = ctx.clock.now().toISOString();
  return (await store.saveContent(claim, content, coveredUntil, at)) ? { content, coveredUntil } : 'lost';
}
