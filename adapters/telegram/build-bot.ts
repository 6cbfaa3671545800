/** Assembles the grammY bot: API transformers and the middleware chain, in order. */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotError, type Context } from 'grammy';
import type { RateLimitOptions } from '../../core/commands/guards.ts';
import { InputError, userMessage } from '../../core/errors.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { AdapterCore } from '../running-adapter.ts';
import { addressedOnly, commandEntities } from './addressing.ts';
import { chatCommands, questionHandlers } from './bot-commands.ts';
import { sendNotice } from './chat-replies.ts';
import { claimUpdates } from './claim-updates.ts';
import { digestCommands } from './digest-commands.ts';
import { feedsCommands } from './feeds-commands.ts';
import { mediaHint, rateLimit, telegramGuard } from './protection.ts';
import { describeError } from './telegram-errors.ts';
import { createUpdateTracker, type UpdateTracker } from './track-updates.ts';

export interface BuildBotOptions {
  token: string;
  apiRoot?: string | undefined;
  rateLimit: RateLimitOptions;
  onUpdateHandled?: ((updateId: number) => void) | undefined;
}

export interface BuiltBot {
  bot: Bot;
  tracker: UpdateTracker;
}

/** One polite reply and one log line for a failed update; never rethrows. */
async function reportFailure(error: BotError<Context>, logger: Logger): Promise<void> {
  const ctx = error.ctx;
  const update = ctx.update.update_id;
  if (error.error instanceof InputError) {
    logger.info({ update, code: error.error.code }, 'telegram: input rejected');
  } else {
    logger.error({ update, error: describeError(error.error) }, 'telegram: handler failed');
  }
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await sendNotice(ctx, userMessage(error.error));
  } catch (notice) {
    logger.warn({ update, error: describeError(notice) }, 'telegram: could not send the error notice');
  }
}

/**
 * Builds the bot. Order: in-flight tracking, per-chat ordering, the update's claim (once across instances), error
 * boundary, command entities, group addressing, rate limit, media hint, commands, questions.
 */
export function buildBot(options: BuildBotOptions, core: AdapterCore): BuiltBot {
  const bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : undefined);
  // Flood waits and Telegram server errors are retried a bounded number of times;
  // network failures surface at once (a handler must not hang for an hour).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  const tracker = createUpdateTracker(options.onUpdateHandled);
  bot.use(tracker.middleware);
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  // Inside the chat's queue: a re-sent update waiting for another instance holds the chat's later ones back.
  if (core.updateClaims) bot.use(claimUpdates({ ...core.updateClaims, logger: core.logger }));
  const handlers = bot.errorBoundary((error) => reportFailure(error, core.logger));
  const guard = telegramGuard(core, options.rateLimit);
  handlers.use(commandEntities, addressedOnly, rateLimit(guard), mediaHint);
  handlers.use(
    digestCommands(core, guard),
    feedsCommands(core),
    chatCommands(core, guard),
    questionHandlers(core, guard),
  );
  // Last net: the error boundary handles everything, so reaching this is a bug worth a log line.
  bot.catch((error) => core.logger.error({ error: describeError(error) }, 'telegram: unhandled bot error'));
  return { bot, tracker };
}
