import type { Context, NextFunction } from 'grammy';

/** Keeps count of updates being handled so shutdown can wait for them. */
export interface UpdateTracker {
  /** Outermost middleware: registers the update until every handler (and the error reply) is done. */
  middleware(ctx: Context, next: NextFunction): Promise<void>;
  /** Resolves when every update under way has been handled. */
  drain(): Promise<void>;
}

/** Tracks in-flight updates; `onHandled` hears of each one once it is done (tests wait on it). */
export function createUpdateTracker(onHandled?: (updateId: number) => void): UpdateTracker {
  const inFlight = new Set<Promise<void>>();
  return {
    async middleware(ctx, next) {
      const task = next();
      inFlight.add(task);
      try {
        await task;
      } finally {
        inFlight.delete(task);
        onHandled?.(ctx.update.update_id);
      }
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
