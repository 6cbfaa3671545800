import type { Sender } from '../../core/ports/sender.ts';

export interface TelegramSenderOptions {
  token: string;
  /** Bot API root without trailing slash; undefined for the official one. */
  apiRoot?: string | undefined;
}

/** PLACEHOLDER (the Telegram issue implements it): posts Replies to chats through the Bot API. */
export function createTelegramSender(_options: TelegramSenderOptions): Sender {
  return {
    platform: 'telegram',
    async send() {
      throw new Error('Telegram delivery is not implemented yet');
    },
  };
}
