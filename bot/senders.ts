import { createDiscordSender } from '../adapters/discord/discord-sender.ts';
import { createTelegramSender } from '../adapters/telegram/telegram-sender.ts';
import type { Sender } from '../core/ports/sender.ts';
import type { Config } from './config.ts';

/** The digest senders of every platform whose token is configured. */
export function createSenders(config: Config): Sender[] {
  const senders: Sender[] = [];
  if (config.telegram.token) {
    senders.push(createTelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot }));
  }
  if (config.discord.token) {
    senders.push(createDiscordSender({ token: config.discord.token, apiRoot: config.discord.apiRoot }));
  }
  return senders;
}
