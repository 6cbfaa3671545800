import { Cron } from 'croner';
import type { FeedPoller } from '../core/feeds/feed-poller.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { RunningScheduler } from './scheduler.ts';

export interface FeedSchedulerOptions {
  /** Cron pattern of the ticks (with seconds); every 30 seconds by default. */
  pattern?: string;
}

/**
 * Polls due feeds on a timer. Each tick polls only the feeds whose own interval (or backoff) has run out, so
 * every feed keeps its interval; `protect` skips a tick while the last one is still running, and the database
 * leases keep two processes from polling one feed at once.
 */
export function startFeedScheduler(
  poller: Pick<FeedPoller, 'pollDue'>,
  logger: Logger,
  options: FeedSchedulerOptions = {},
): RunningScheduler {
  let inFlight: Promise<unknown> | null = null;
  const tick = async () => {
    const run = poller.pollDue();
    inFlight = run;
    try {
      const reports = await run;
      for (const r of reports) {
        if (r.status === 'failed') continue;
        if (r.newItems + r.editedItems > 0) {
          logger.info(
            { feed: r.url, new: r.newItems, edited: r.editedItems, documents: r.documents, failedItems: r.failedItems },
            'feed polled',
          );
        }
      }
    } finally {
      inFlight = null;
    }
  };
  const job = new Cron(
    options.pattern ?? '*/30 * * * * *',
    { protect: true, catch: (error: unknown) => logger.error({ err: error }, 'feed tick failed') },
    tick,
  );
  return {
    async stop() {
      job.stop();
      await Promise.resolve(inFlight).catch(() => {});
    },
  };
}
