import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import type { Sender } from '../../core/ports/sender.ts';
import { renderReply } from './render-telegram.ts';
import { sendHtmlMessages } from './send-messages.ts';
import { deliveryFailure } from './telegram-errors.ts';
import { TELEGRAM_UNSUBSCRIBE_HINT } from './telegram-platform.ts';

/** How a Telegram chat stops its digests (the digest's last line). */

export interface TelegramSenderOptions {
  token: string;
  /** Bot API root without trailing slash; undefined for the official one. */
  apiRoot?: string | undefined;
}

/**
 * Posts Replies (digests) to chats through the Bot API: the same HTML as chat
 * replies, split to fit, without buttons. A chat that blocked or removed the
 * bot is reported as gone; 429, 5xx and network failures throw a retryable
 * PlatformError (with retryAfterMs from Telegram's retry_after).
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
    async send(targetId, reply) {
      try {
        const ids = await sendHtmlMessages(api, targetId, renderReply(reply));
        return { status: 'sent', messageIds: ids.map(String) };
      } catch (error) {
        return deliveryFailure(error);
      }
    },
  };
}
