import { type Bot, GrammyError } from 'grammy';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../core/commands/guards.ts';
import { ConfigError, PlatformError } from '../../core/errors.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { AdapterCore, RunningAdapter } from '../running-adapter.ts';
import { buildBot } from './build-bot.ts';
import { BOT_COMMANDS, botCommands } from './command-menu.ts';
import { logConnectionFailures, startPolling } from './polling.ts';
import { describeError } from './telegram-errors.ts';
import { startWebhookServer } from './webhook-server.ts';

export interface TelegramOptions {
  token: string;
  apiRoot?: string | undefined;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  port: number;
  /** Per-user limit on incoming updates; defaults to DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | undefined;
  /** Called once each update has been handled completely (tests wait on it). */
  onUpdateHandled?: ((updateId: number) => void) | undefined;
}

export interface TelegramAdapter extends RunningAdapter {
  /** The port the webhook server listens on (webhook mode only). */
  webhookPort?: number;
}

/** getMe and setMyCommands; fails start-up with a clear, token-free error when Telegram rejects the bot. */
async function initialise(bot: Bot, logger: Logger, botAdmins: readonly string[]): Promise<void> {
  try {
    await bot.init();
  } catch (error) {
    const detail = describeError(error);
    logger.error({ error: detail }, 'telegram: cannot start the bot');
    if (error instanceof GrammyError && error.error_code === 401) {
      throw new ConfigError(
        'TELEGRAM_BOT_TOKEN',
        'Invalid configuration: TELEGRAM_BOT_TOKEN was rejected by Telegram (401 Unauthorized).',
      );
    }
    const reason = String(detail.description ?? detail.message ?? 'unknown error');
    throw new PlatformError('telegram', 'unavailable', `Cannot start the Telegram bot: ${reason}`, { retryable: true });
  }
  // The command menu is a convenience: the bot works without it.
  await bot.api.setMyCommands(BOT_COMMANDS).catch((error: unknown) => {
    logger.warn({ error: describeError(error) }, 'telegram: setMyCommands failed');
  });
  // BOT_ADMINS see /feeds too, in their private chat with the bot (a user's private chat id is their user id).
  for (const admin of botAdmins) {
    const chatId = /^telegram:(\d{1,20})$/.exec(admin)?.[1];
    if (!chatId) continue;
    await bot.api
      .setMyCommands(botCommands(true), { scope: { type: 'chat', chat_id: Number(chatId) } })
      .catch((error: unknown) => logger.warn({ error: describeError(error) }, 'telegram: admin menu not set'));
  }
}

/**
 * Starts the grammY bot: long polling through @grammyjs/runner, or a webhook
 * server on `port` when `webhookUrl` is set. stop() stops receiving updates,
 * waits for the ones under way, and closes the webhook server.
 */
export async function startTelegram(options: TelegramOptions, core: AdapterCore): Promise<TelegramAdapter> {
  const { logger } = core;
  const { bot, tracker } = buildBot(
    { ...options, rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT, onUpdateHandled: options.onUpdateHandled },
    core,
  );
  logConnectionFailures(bot, logger);
  await initialise(bot, logger, core.botAdmins ?? []);

  if (options.webhookUrl) {
    const webhook = await startWebhookServer(
      bot,
      { url: options.webhookUrl, secret: options.webhookSecret, port: options.port },
      logger,
    );
    return {
      name: 'telegram',
      webhookPort: webhook.port,
      async stop() {
        await webhook.close(() => tracker.drain());
        logger.info({}, 'telegram: stopped');
      },
    };
  }

  const polling = await startPolling(bot, logger);
  logger.info({ bot: bot.botInfo.username, mode: 'polling' }, 'telegram: polling for updates');
  return {
    name: 'telegram',
    async stop() {
      await polling.stop();
      await tracker.drain();
      logger.info({}, 'telegram: stopped');
    },
  };
}
