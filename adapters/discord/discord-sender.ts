/**
 * Digest delivery to Discord channels over REST alone (no gateway, no cache):
 * a Reply becomes one or more channel messages, each created with a nonce
 * derived from the part's idempotency key and `enforce_nonce`, so posting a
 * part again (a retry, or another process finishing a dead one's digest)
 * returns the message Discord already created instead of a second one.
 */
import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord.js';
import { codeForStatus, PlatformError } from '../../core/errors.ts';
import type { PartOutcome, Sender } from '../../core/ports/sender.ts';
import type { Reply } from '../../core/reply.ts';
import { DISCORD_NONCE_WINDOW_MS, DISCORD_UNSUBSCRIBE_HINT, SNOWFLAKE } from './discord-platform.ts';
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
function failure(error: unknown): PartOutcome {
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

/** Discord's nonce for an idempotency key: at most 25 characters, the same for the same key in every process. */
export function discordNonce(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 25);
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
    idempotencyWindowMs: DISCORD_NONCE_WINDOW_MS,
    async prepare(targetId: string, reply: Reply) {
      const messages = renderReply(reply);
      return {
        parts: messages.length,
        async send(index: number, idempotencyKey: string): Promise<PartOutcome> {
          if (!SNOWFLAKE.test(targetId)) return { status: 'gone', reason: `not a Discord channel id: ${targetId}` };
          const message = messages[index];
          if (!message) throw new RangeError(`a digest of ${messages.length} parts has no part ${index}`);
          try {
            const body = {
              embeds: message.embeds,
              allowed_mentions: { parse: [] },
              nonce: discordNonce(idempotencyKey),
              enforce_nonce: true,
            } satisfies RESTPostAPIChannelMessageJSONBody;
            const created = (await rest.post(Routes.channelMessages(targetId), { body })) as { id?: unknown };
            return { status: 'sent', messageId: String(created.id) };
          } catch (error) {
            return failure(error);
          }
        },
      };
    },
  };
}
