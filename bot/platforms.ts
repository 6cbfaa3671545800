/**
 * Every platform the bot knows, wired by hand: one line per platform. A new platform is one folder under
 * adapters/ that implements core's PlatformAdapter port, plus its line here (and its start-up in main.ts).
 */
import { consolePlatform } from '../adapters/console/console-platform.ts';
import { discordPlatform } from '../adapters/discord/discord-platform.ts';
import { telegramPlatform } from '../adapters/telegram/telegram-platform.ts';
import type { PlatformAdapter } from '../core/ports/platform.ts';
import type { Sender } from '../core/ports/sender.ts';
import type { Config } from './config.ts';

/** The platforms, each with its digest sender when its token is configured. */
export function createPlatforms(config: Config): PlatformAdapter[] {
  return [
    telegramPlatform({ token: config.telegram.token, apiRoot: config.telegram.apiRoot }),
    discordPlatform({ token: config.discord.token, apiRoot: config.discord.apiRoot }),
    consolePlatform(),
  ];
}

/** The digest senders of the platforms that have one here. */
export function sendersOf(platforms: readonly PlatformAdapter[]): Sender[] {
  return platforms.flatMap((p) => (p.sender ? [p.sender] : []));
}
