import type { Sender } from '../core/ports/sender.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { App } from './app.ts';

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** PLACEHOLDER (the digests issue implements it): the timer that posts due digests. */
export function startDigestScheduler(_app: App, _senders: Sender[], _logger: Logger): RunningScheduler {
  return { stop: async () => {} };
}
