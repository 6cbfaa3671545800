/**
 * Posts a claimed digest's parts in order, recording each part before it is sent (under way) and after (confirmed),
 * so a process that takes the run over from a dead one resumes at the first part not confirmed and never posts a
 * confirmed part again. The part that was under way when its process died is posted again only where the platform
 * makes that safe (an idempotency key it still remembers); elsewhere it is given up (at most once) and the rest is
 * posted.
 */
import { errorLine } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { DigestRunRecord, DigestStore, RunClaim } from '../ports/digest-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { Delivery, Sender } from '../ports/sender.ts';

/** Where a run's delivery stands, as its row records it. */
export type PartsProgress = Pick<DigestRunRecord, 'partsSent' | 'partStartedAt' | 'messageIds'>;

export type DeliveryResult =
  | { status: 'sent'; messageIds: string[]; attempts: number; note: string | null }
  | { status: 'gone' | 'failed'; reason: string; attempts: number }
  /** Another process took the claim over: stop without writing. */
  | { status: 'lost'; attempts: number };

export interface DeliveryContext {
  store: DigestStore;
  claim: RunClaim;
  clock: Clock;
  logger: Logger;
  sender: Sender;
  /** Names the digest (subscription and local date); each part's idempotency key is derived from it. */
  digestKey: string;
  /** Send attempts per part. */
  attempts: number;
  /** The wait before retrying after `error` (attempt 1 is the first retry), or null for no retry. */
  retryDelay(error: unknown, attempt: number): number | null;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal | undefined;
  /** Fields every log line of this digest carries. */
  log: object;
}

/** The idempotency key of one part of one digest: the same in every process that posts it. */
export function partKey(digestKey: string, part: number): string {
  return `digest:${digestKey}:${part}`;
}

type PartResult = { status: 'sent'; messageId: string; attempts: number } | Exclude<DeliveryResult, { status: 'sent' }>;

/** Posts part `part`, retrying failures as the context's policy says; every attempt is recorded before it is made. */
async function sendPart(ctx: DeliveryContext, delivery: Delivery, part: number): Promise<PartResult> {
  const now = () => ctx.clock.now().toISOString();
  let attempts = 0;
  let lastError = 'not attempted';
  while (attempts < ctx.attempts) {
    if (!(await ctx.store.recordAttempt(ctx.claim, part, now()))) return { status: 'lost', attempts };
    attempts++;
    try {
      const outcome = await delivery.send(part, partKey(ctx.digestKey, part));
      if (outcome.status === 'sent') return { status: 'sent', messageId: outcome.messageId, attempts };
      return { status: 'gone', reason: `target gone: ${outcome.reason}`, attempts };
    } catch (error) {
      lastError = errorLine(error);
      const wait = attempts < ctx.attempts ? ctx.retryDelay(error, attempts) : null;
      ctx.logger.warn({ ...ctx.log, part, attempt: attempts, error: lastError, retryInMs: wait }, 'digest send failed');
      if (wait === null) break;
      try {
        await ctx.sleep(wait, ctx.signal);
      } catch {
        lastError = `${lastError} (stopped before retrying)`;
        break;
      }
    }
  }
  return { status: 'failed', reason: lastError, attempts };
}

/**
 * True when part under way since `startedAt` may be posted again: the platform dedupes by idempotency key and
 * still remembers the key of that attempt.
 */
function resendable(sender: Sender, startedAt: string, now: Date): boolean {
  const window = sender.idempotencyWindowMs;
  return window !== undefined && now.getTime() - Date.parse(startedAt) < window;
}

/** Posts the parts from the first one not settled; records each as it is confirmed. */
export async function deliverParts(
  ctx: DeliveryContext,
  delivery: Delivery,
  progress: PartsProgress,
): Promise<DeliveryResult> {
  const messageIds = [...progress.messageIds];
  const at = () => ctx.clock.now().toISOString();
  let note: string | null = null;
  let first = progress.partsSent;
  if (progress.partStartedAt !== null && first < delivery.parts) {
    if (!resendable(ctx.sender, progress.partStartedAt, ctx.clock.now())) {
      // Posting it again could show it twice; giving it up keeps it at most once, and the rest still goes out.
      note = `part ${first + 1} of ${delivery.parts} was under way when its process stopped and was not resent (it may be missing, never shown twice)`;
      if (!(await ctx.store.confirmPart(ctx.claim, { part: first, messageIds, note, at: at() }))) {
        return { status: 'lost', attempts: 0 };
      }
      ctx.logger.warn({ ...ctx.log, part: first }, 'digest part interrupted mid-send; not resent, the rest resumed');
      first++;
    } else {
      ctx.logger.info({ ...ctx.log, part: first }, 'resending an interrupted digest part with its idempotency key');
    }
  }
  let attempts = 0;
  for (let part = first; part < delivery.parts; part++) {
    const result = await sendPart(ctx, delivery, part);
    attempts += result.attempts;
    if (result.status === 'lost') return { status: 'lost', attempts };
    if (result.status !== 'sent') {
      const posted = part > 0 ? ` (${part} of ${delivery.parts} parts were posted)` : '';
      return { status: result.status, reason: `${result.reason}${posted}`, attempts };
    }
    messageIds.push(result.messageId);
    if (!(await ctx.store.confirmPart(ctx.claim, { part, messageIds, at: at() }))) return { status: 'lost', attempts };
  }
  return { status: 'sent', messageIds, attempts, note };
}
