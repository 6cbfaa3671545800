/**
 * Each Telegram update handled once across the instances behind one webhook URL. Telegram re-sends an update that was
 * not answered in time, possibly to another instance; the update's claim in the shared database decides who handles
 * it. A copy of an update another instance is handling waits for it (in this chat's queue, so order is kept): it is
 * dropped once that instance finishes, or handled here if that instance died (its claim runs out after one lease).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Context, NextFunction } from 'grammy';
import { whileRenewing } from '../../core/lease.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { UpdateClaimStore, UpdateKey } from '../../core/ports/update-claims.ts';

/** Telegram keeps an unconfirmed update for 24 hours: older claims can never be needed again. */
const KEEP_MS = 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface UpdateClaimOptions {
  store: UpdateClaimStore;
  /** This instance's name in claims. */
  owner: string;
  leaseMs: number;
  logger: Logger;
}

/** Middleware that claims each update before it is handled and marks it done after; see the file comment. */
export function claimUpdates(options: UpdateClaimOptions) {
  const { store, owner, leaseMs, logger } = options;
  const until = () => new Date(Date.now() + leaseMs).toISOString();
  let prunedAt = 0;

  const prune = () => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    const before = new Date(Date.now() - KEEP_MS).toISOString();
    store.pruneUpdates(before).catch((error: unknown) => {
      logger.warn({ error: String(error) }, 'telegram: old update claims not pruned');
    });
  };

  /** Waits until the update is ours to handle (true) or was handled elsewhere (false). */
  async function acquire(key: UpdateKey): Promise<boolean> {
    let waited = false;
    for (;;) {
      const outcome = await store.claimUpdate(key, owner, new Date().toISOString(), until());
      if (outcome !== 'busy') {
        if (outcome === 'done') logger.info({ update: key.updateId }, 'telegram: update already handled; skipped');
        else if (waited) logger.info({ update: key.updateId }, 'telegram: update taken over from a dead instance');
        return outcome === 'claimed';
      }
      waited = true;
      await delay(Math.min(1_000, leaseMs / 3));
    }
  }

  return async (ctx: Context, next: NextFunction): Promise<void> => {
    prune();
    const key = { platform: 'telegram', updateId: String(ctx.update.update_id) };
    if (!(await acquire(key))) return;
    const warn = (error: unknown) => logger.warn({ error: String(error) }, 'telegram: update claim not renewed');
    try {
      await whileRenewing(leaseMs, () => store.renewUpdate(key, owner, until()), next, warn);
    } finally {
      await store.finishUpdate(key, owner, new Date().toISOString()).catch(warn);
    }
  };
}
