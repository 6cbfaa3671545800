import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import type { Sender } from '../../core/ports/sender.ts';
import { renderReply } from './render-telegram.ts';
import { sendHtmlMessages } from './send-messages.ts';
import { deliveryFailure } from './telegram-errors.ts';
import { TELEGRAM_UNSUBSCRIBE_HINT } from './telegram-platform.ts';

export interface TelegramSenderOptions {
  token: string;
  /** Bot API root without trailing slash; undefined for the official one. */
  apiRoot?: string | undefined;
}

/**
 * Posts Replies (digests) to chats through the Bot API: the same HTML as chat
 * replies, split to fit, without buttons, one message per part. A chat that
 * blocked or removed the bot is reported as gone; 429, 5xx and network failures
 * throw a retryable PlatformError (with retryAfterMs from Telegram's retry_after).
 * The Bot API has no idempotency key, so the sender has no idempotencyWindowMs:
 * a part whose post was under way when its process died is not posted again.
 */
export function createTelegramSender(options: TelegramSenderOptions): Sender {
  const api = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : undefined);
  // Short flood waits are absorbed here so a multi-part digest is not cut half-way;
  // longer ones and server errors go back to the scheduler, which owns retries.
  api.config.use(
    autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  return {
    platform: 'telegram',
    unsubscribeHint: TELEGRAM_UNSUBSCRIBE_HINT,
    async prepare(targetId, reply) {
      const messages = renderReply(reply);
      return {
        parts: messages.length,
        async send(index) {
          const html = messages[index];
          if (html === undefined) throw new RangeError(`a digest of ${messages.length} parts has no part ${index}`);
          try {
            const [id] = await sendHtmlMessages(api, targetId, [html]);
            return { status: 'sent', messageId: String(id) };
          } catch (error) {
            return deliveryFailure(error);
          }
        },
      };
    },
  };
}
