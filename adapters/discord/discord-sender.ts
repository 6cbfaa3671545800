/**
 * Digest delivery to Discord channels over REST alone (no gateway, no cache):
 * a Reply becomes one or more channel messages.
 */
import { DiscordAPIError, HTTPError, RateLimitError, REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import { codeForStatus, PlatformError } from '../../core/errors.ts';
import type { Sender, SendOutcome } from '../../core/ports/sender.ts';
import type { Reply } from '../../core/reply.ts';
import { DISCORD_UNSUBSCRIBE_HINT, SNOWFLAKE } from './discord-platform.ts';
import { renderReply } from './render-discord.ts';

export interface DiscordSenderOptions {
  token: string;
  /** REST root, e.g. https://discord.com/api (no version, no trailing slash). */
  apiRoot: string;
  /** Per-request limit (default 15 s). */
  timeoutMs?: number;
}

/** Discord error codes meaning the channel is gone for good or the bot may not post there. */
const GONE_CODES: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

/** Maps a failed post to an outcome (gone) or a PlatformError (retryable or not). Never includes the token. */
function failure(error: unknown): SendOutcome {
  if (error instanceof DiscordAPIError) {
    if (error.status === 404 || error.status === 403 || GONE_CODES.has(error.code)) {
      return { status: 'gone', reason: `Discord ${error.status} (${error.code}): ${error.message}` };
    }
    if (error.status === 401) {
      throw new PlatformError('discord', 'unauthorized', 'Discord rejected the bot token (401).', {
        retryable: false,
        cause: error,
      });
    }
    throw new PlatformError('discord', 'rejected', `Discord refused the message: ${error.message}`, {
      retryable: false,
      detail: error.code,
      cause: error,
    });
  }
  if (error instanceof RateLimitError) {
    throw new PlatformError('discord', 'rate_limited', 'Discord rate limit reached.', {
      retryable: true,
      retryAfterMs: Math.max(error.retryAfter, error.timeToReset, 0),
      cause: error,
    });
  }
  if (error instanceof HTTPError) {
    const { code, retryable } = codeForStatus(error.status);
    throw new PlatformError('discord', code, `Discord answered ${error.status}.`, {
      retryable,
      detail: error.status,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new PlatformError('discord', 'network', `Could not reach Discord: ${message}`, {
    retryable: true,
    cause: error,
  });
}

/**
 * A Sender that posts Replies to channel ids. A channel that is deleted or
 * forbidden is reported as gone; 429 and 5xx throw retryable PlatformErrors
 * (rate limits with retryAfterMs) so the digest loop decides when to try again.
 */
export function createDiscordSender(options: DiscordSenderOptions): Sender {
  const rest = new REST({
    api: options.apiRoot,
    // One quick retry for a 5xx blip; longer waits belong to the digest scheduler.
    retries: 1,
    timeout: options.timeoutMs ?? 15_000,
    // Throw on 429 instead of sleeping inside the library, so the caller sees retryAfterMs.
    rejectOnRateLimit: () => true,
  }).setToken(options.token);

  return {
    platform: 'discord',
    unsubscribeHint: DISCORD_UNSUBSCRIBE_HINT,
    async send(targetId: string, reply: Reply): Promise<SendOutcome> {
      if (!SNOWFLAKE.test(targetId)) return { status: 'gone', reason: `not a Discord channel id: ${targetId}` };
      const messageIds: string[] = [];
      try {
        for (const message of renderReply(reply)) {
          const created = (await rest.post(Routes.channelMessages(targetId), {
            body: { embeds: message.embeds, allowed_mentions: { parse: [] } },
          })) as { id?: unknown };
          if (typeof created.id === 'string') messageIds.push(created.id);
        }
      } catch (error) {
        return failure(error);
      }
      return { status: 'sent', messageIds };
    },
  };
}
