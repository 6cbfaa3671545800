import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createCommandGuard, DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../core/commands/guards.ts';
import { PlatformError } from '../../core/errors.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { createTopicIndex } from '../../core/topics/suggest-topics.ts';
import type { AdapterCore, RunningAdapter } from '../running-adapter.ts';
import { DISCORD_COMMANDS } from './command-table.ts';
import type { DiscordContext } from './discord-command.ts';
import { createIdentifyThrottler } from './identify-throttler.ts';
import { trackInteractionChannels } from './interaction-channels.ts';
import { createInteractionRouter } from './interaction-router.ts';
import { describeError, NO_MENTIONS } from './respond.ts';

export interface DiscordOptions {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  /** REST root, e.g. https://discord.com/api. */
  apiRoot: string;
  /** How long to wait for the gateway's READY (default 30 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for interactions in flight (default 10 s). */
  drainTimeoutMs?: number;
  /**
   * The gateway shards this process runs, of `count` (several processes, one bot): Discord sends a guild's
   * interactions to shard (guild_id >> 22) % count only, and direct messages to shard 0. Unset: one shard.
   */
  shards?: { ids: number[]; count: number } | undefined;
  /** Per-user limit on commands and button presses; defaults to core's DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
}

/** Discord's words for a digest change by a member without the Manage Server permission. */
export const ADMINS_ONLY = 'Only server admins (members with the Manage Server permission) can change daily digests.';

/** The running adapter; idle() lets tests and tools wait until every interaction so far is handled. */
export interface DiscordAdapter extends RunningAdapter {
  idle(): Promise<void>;
}

/** How long client.destroy() may take before shutdown goes on without it. */
const DESTROY_TIMEOUT_MS = 3_000;

/**
 * Disconnects the client. @discordjs/ws can hang in destroy() (and keep
 * reconnecting) when it is called while the gateway handshake is under way,
 * so shutdown never waits on it for more than a few seconds.
 */
async function destroyClient(client: Client, core: AdapterCore): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), DESTROY_TIMEOUT_MS);
  });
  const timedOut = await Promise.race([client.destroy().then(() => false), gaveUp]);
  clearTimeout(timer);
  if (timedOut) core.logger.warn({}, 'the Discord client did not disconnect in time; going on without it');
}

/**
 * Logs the discord.js client in (Guilds intent only: slash commands need no
 * privileged intents) and answers interactions until stop().
 */
export async function startDiscord(options: DiscordOptions, core: AdapterCore): Promise<DiscordAdapter> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiRoot },
    allowedMentions: NO_MENTIONS,
    // The library's own throttler can make a shard identify on a socket that replaced its closed one (see the file).
    ws: {
      buildIdentifyThrottler: async (manager) =>
        createIdentifyThrottler((await manager.fetchGatewayInformation()).session_start_limit.max_concurrency),
    },
    ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
  });
  const context: DiscordContext = {
    ...core,
    topics: createTopicIndex(core.attache),
    channelOf: trackInteractionChannels(client),
    guard: createCommandGuard({
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      clock: systemClock,
      isBotAdmin: (id) => core.feeds?.isAdmin(id) ?? false,
      chatAdminsOnly: ADMINS_ONLY,
    }),
  };
  const router = createInteractionRouter(DISCORD_COMMANDS, context);
  client.on(Events.InteractionCreate, router.handle);
  client.on(Events.Error, (error) => core.logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => core.logger.warn({ message }, 'discord client warning'));

  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const ready = once(client, Events.ClientReady);
  const loggedIn = client.login(options.token).then(() => ready);
  // Raced below; this keeps a failure after the timeout from surfacing as an unhandled rejection.
  loggedIn.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the gateway sent no READY within ${readyTimeoutMs / 1000} s`)),
      readyTimeoutMs,
    );
  });
  try {
    await Promise.race([loggedIn, timeout]);
  } catch (error) {
    await destroyClient(client, core);
    throw new PlatformError('discord', 'unavailable', `Discord login failed: ${describeError(error).message}`, {
      retryable: false,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }

  const applicationId = client.application?.id;
  if (applicationId && applicationId !== options.applicationId) {
    core.logger.warn({ applicationId }, 'DISCORD_APPLICATION_ID differs from the application of this bot token');
  }
  core.logger.info({ user: client.user?.tag, applicationId, shards: options.shards }, 'discord adapter ready');
  // Autocomplete must answer within 3 seconds, so build the topic list now rather than on the first keystroke.
  setImmediate(() => {
    context.topics.topics().catch((error: unknown) => {
      core.logger.warn({ err: describeError(error) }, 'could not prepare topic suggestions');
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    name: 'discord',
    idle: () => router.idle(),
    stop() {
      stopping ??= (async () => {
        await router.drain(options.drainTimeoutMs ?? 10_000);
        await destroyClient(client, core);
        core.logger.info({}, 'discord adapter stopped');
      })();
      return stopping;
    },
  };
}
