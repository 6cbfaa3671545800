/** Long polling through @grammyjs/runner: concurrent fetching, per-chat order kept by sequentialize. */
import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from '../../core/ports/logger.ts';
import { describeError } from './telegram-errors.ts';

/** Update kinds the bot handles (edits, reactions and the rest are not delivered). */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;

/** A steady retry pace while Telegram is unreachable: the runner's default doubles without bound. */
const RETRY_INTERVAL_MS = 3000;
const LOG_EVERY_MS = 60_000;

export interface Polling {
  /** Stops fetching and resolves once the runner has wound down. */
  stop(): Promise<void>;
}

const WATCHED = new Set(['getMe', 'getUpdates']);

/**
 * Logs failed getMe and getUpdates calls, which grammY and the runner retry
 * quietly (never the request URL: it holds the token), at most once a minute
 * while they persist.
 */
export function logConnectionFailures(bot: Bot, logger: Logger): void {
  let lastLogged = 0;
  let failures = 0;
  const note = (method: string, detail: Record<string, unknown>) => {
    failures += 1;
    if (Date.now() - lastLogged < LOG_EVERY_MS) return;
    lastLogged = Date.now();
    logger.warn({ method, error: detail, failures }, 'telegram: Bot API call failed');
  };
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (!WATCHED.has(method)) return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) note(method, { code: result.error_code, description: result.description });
      else failures = 0;
      return result;
    } catch (error) {
      if (!signal?.aborted) note(method, describeError(error));
      throw error;
    }
  });
}

/** Removes a webhook left by an earlier deployment (getUpdates fails while one is set), then polls. */
export async function startPolling(bot: Bot, logger: Logger): Promise<Polling> {
  await bot.api.deleteWebhook().catch((error: unknown) => {
    logger.warn({ error: describeError(error) }, 'telegram: deleteWebhook failed');
  });
  const runner = run(bot, {
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES] },
      retryInterval: RETRY_INTERVAL_MS,
      maxRetryTime: Number.POSITIVE_INFINITY,
      silent: true,
    },
  });
  // The runner gives up only on 401 (token revoked) or 409 (another instance polls): say so loudly.
  runner.task()?.catch((error: unknown) => {
    logger.error({ error: describeError(error) }, 'telegram: polling stopped; the bot no longer receives messages');
  });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}
