import type { Sender } from '../../core/ports/sender.ts';

export interface DiscordSenderOptions {
  token: string;
  /** REST root, e.g. https://discord.com/api (no version, no trailing slash). */
  apiRoot: string;
}

/** PLACEHOLDER (the Discord issue implements it): posts Replies to channels through REST. */
export function createDiscordSender(_options: DiscordSenderOptions): Sender {
  return {
    platform: 'discord',
    async send() {
      throw new Error('Discord delivery is not implemented yet');
    },
  };
}
