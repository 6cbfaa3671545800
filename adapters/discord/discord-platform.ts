/** Discord behind core's PlatformAdapter port: its snowflake ids, conversation ids, wording and digest sender. */
import { InputError } from '../../core/errors.ts';
import type { PlatformAdapter } from '../../core/ports/platform.ts';
import { lazySender } from '../shared/lazy-sender.ts';
import type { DiscordSenderOptions } from './discord-sender.ts';

export const DISCORD = 'discord';

/** How a Discord channel stops its digests (the digest's last line). */
export const DISCORD_UNSUBSCRIBE_HINT = 'To stop these digests, use /digest unsubscribe.';
/** Discord ids are snowflakes: digits only. */
export const SNOWFLAKE = /^\d{5,25}$/;
/** A digest's stories fit one 2,000-character message with its heading and sources. */
export const DISCORD_DIGEST_CHARS = 1_800;
/**
 * How long a digest part posted again with its nonce surely returns the first message: Discord checks an enforced
 * nonce for uniqueness "in the past few minutes", so a part under way longer ago is not posted again.
 */
export const DISCORD_NONCE_WINDOW_MS = 2 * 60_000;

/** `discord:<channel>:<user>`: one conversation per person per channel (a DM is a channel too). */
export function discordConversation(channel: string, user: string): string {
  return `${DISCORD}:${channel}:${user}`;
}

/** The Discord platform; with a token it also delivers digests. */
export function discordPlatform(options?: Partial<DiscordSenderOptions>): PlatformAdapter {
  return {
    name: DISCORD,
    parseTargetId(value) {
      if (SNOWFLAKE.test(value)) return value;
      const shown = value === '' ? 'The target is missing' : `"${value}" is not a valid target`;
      throw new InputError('bad_target', `${shown}. Use a Discord channel id (digits).`);
    },
    parseGroupId(value) {
      if (SNOWFLAKE.test(value)) return value;
      throw new InputError('bad_guild', `"${value}" is not a valid guild id. Use a Discord server id (digits).`);
    },
    conversationId: discordConversation,
    unsubscribeHint: DISCORD_UNSUBSCRIBE_HINT,
    ...(options?.token && options.apiRoot
      ? { sender: discordSender({ ...options, token: options.token, apiRoot: options.apiRoot }) }
      : {}),
  };
}

/** The digest sender, with discord.js loaded on the first delivery. */
function discordSender(options: DiscordSenderOptions) {
  const wording = {
    unsubscribeHint: DISCORD_UNSUBSCRIBE_HINT,
    digestChars: DISCORD_DIGEST_CHARS,
    idempotencyWindowMs: DISCORD_NONCE_WINDOW_MS,
  };
  return lazySender(DISCORD, wording, async () => (await import('./discord-sender.ts')).createDiscordSender(options));
}
