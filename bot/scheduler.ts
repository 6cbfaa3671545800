import { Cron } from 'croner';
import type { DigestRunner } from '../core/digest/digest-runner.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Sender } from '../core/ports/sender.ts';
import { wireDigestRunner } from './wire-digests.ts';

export interface RunningScheduler {
  /** Stops the timer, lets an in-flight run finish its current digest (no new ones, no more retries) and waits for it. */
  stop(): Promise<void>;
}

export interface DigestSchedulerOptions {
  /** Defaults to the runner over the app's database. */
  runner?: Pick<DigestRunner, 'runDue'>;
  /** Cron pattern of the ticks; every minute by default. */
  pattern?: string;
}

/**
 * Every minute, posts the digests that are due now. croner's `protect` skips a
 * tick while the previous run is still going; exactly-once across processes and
 * restarts comes from the runner's database claims, not from this timer.
 */
export function startDigestScheduler(
  app: Parameters<typeof wireDigestRunner>[0],
  senders: Sender[],
  logger: Logger,
  options: DigestSchedulerOptions = {},
): RunningScheduler {
  if (senders.length === 0) {
    logger.info('digest scheduler not started: no platform token is configured');
    return { stop: async () => {} };
  }
  const runner = options.runner ?? wireDigestRunner(app, logger);
  const shutdown = new AbortController();
  let inFlight: Promise<unknown> | null = null;

  const tick = async () => {
    const run = runner.runDue(app.clock.now(), senders, { signal: shutdown.signal });
    inFlight = run;
    try {
      const report = await run;
      // Every tick, also an empty one, so a test can tell that each process has run the minute's tick to its end.
      logger.debug({ at: report.at, items: report.items.length }, 'digest tick done');
      const posted = report.items.filter((i) => i.outcome !== 'no-sender');
      if (posted.length > 0) {
        logger.info(
          { at: report.at, outcomes: posted.map((i) => `${i.platform}:${i.targetId} ${i.outcome}`) },
          'digest tick',
        );
      }
    } finally {
      inFlight = null;
    }
  };

  const job = new Cron(
    options.pattern ?? '* * * * *',
    {
      protect: true,
      catch: (error: unknown) => logger.error({ err: error }, 'digest tick failed'),
    },
    tick,
  );
  logger.info({ platforms: senders.map((s) => s.platform) }, 'digest scheduler started');

  return {
    async stop() {
      job.stop();
      shutdown.abort();
      await Promise.resolve(inFlight).catch(() => {});
    },
  };
}
