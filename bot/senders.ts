import type { Sender } from '../core/ports/sender.ts';
import type { Config } from './config.ts';

/**
 * The digest senders of every platform whose token is configured. Each platform's client library is imported
 * only when its token is set: discord.js alone takes about half a second to load, which a command line that
 * never posts to Discord should not pay.
 */
export async function createSenders(config: Config): Promise<Sender[]> {
  const senders: Sender[] = [];
  if (config.telegram.token) {
    const { createTelegramSender } = await import('../adapters/telegram/telegram-sender.ts');
    senders.push(createTelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot }));
  }
  if (config.discord.token) {
    const { createDiscordSender } = await import('../adapters/discord/discord-sender.ts');
    senders.push(createDiscordSender({ token: config.discord.token, apiRoot: config.discord.apiRoot }));
  }
  return senders;
}
