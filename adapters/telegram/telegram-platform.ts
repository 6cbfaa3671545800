/** Telegram behind core's PlatformAdapter port: its chat ids, conversation ids, wording and digest sender. */
import { InputError } from '../../core/errors.ts';
import type { PlatformAdapter } from '../../core/ports/platform.ts';
import { lazySender } from '../shared/lazy-sender.ts';
import type { TelegramSenderOptions } from './telegram-sender.ts';

export const TELEGRAM = 'telegram';

/** How a reader stops digests on Telegram (the digest's footer line). */
export const TELEGRAM_UNSUBSCRIBE_HINT = 'To stop these digests, send /unsubscribe.';

/** A digest's stories fit one 4,096-character message with its heading and sources. */
export const TELEGRAM_DIGEST_CHARS = 3_000;

/** A numeric chat id (negative for groups and channels) or a public @channelname. */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

/** `telegram:<chat>:<user>`: one conversation per person per chat. */
export function telegramConversation(chat: string | number, user: string | number): string {
  return `${TELEGRAM}:${chat}:${user}`;
}

/** The Telegram platform; with a token it also delivers digests. */
export function telegramPlatform(options?: Partial<TelegramSenderOptions>): PlatformAdapter {
  return {
    name: TELEGRAM,
    parseTargetId(value) {
      if (CHAT_ID.test(value)) return value;
      const shown = value === '' ? 'The target is missing' : `"${value}" is not a valid target`;
      throw new InputError('bad_target', `${shown}. Use a Telegram chat id (e.g. -1001234567890) or @channelname.`);
    },
    parseGroupId(value) {
      throw new InputError('bad_guild', `"${value}" is not a valid guild id: Telegram chats have no server id.`);
    },
    conversationId: telegramConversation,
    unsubscribeHint: TELEGRAM_UNSUBSCRIBE_HINT,
    ...(options?.token ? { sender: telegramSender({ token: options.token, apiRoot: options.apiRoot }) } : {}),
  };
}

/** The digest sender, with grammY loaded on the first delivery. */
function telegramSender(options: TelegramSenderOptions) {
  const wording = { unsubscribeHint: TELEGRAM_UNSUBSCRIBE_HINT, digestChars: TELEGRAM_DIGEST_CHARS };
  return lazySender(TELEGRAM, wording, async () =>
    (await import('./telegram-sender.ts')).createTelegramSender(options),
  );
}
