import { runConsoleChat } from '../adapters/console/console-chat.ts';
import { consoleConversation } from '../adapters/console/console-platform.ts';
import type { RunningAdapter } from '../adapters/running-adapter.ts';
import { AttacheError, ConfigError } from '../core/errors.ts';
import { instanceName } from '../core/lease.ts';
import type { Logger } from '../core/ports/logger.ts';
import { type App, createApp } from './app.ts';
import { type Config, loadConfig, loadDotEnv } from './config.ts';
import { startFeedScheduler } from './feed-scheduler.ts';
import { createLogger } from './logger.ts';
import { sendersOf } from './platforms.ts';
import { exitQuietlyOnClosedPipe, unexpectedErrorLine } from './quiet-exit.ts';
import { startDigestScheduler } from './scheduler.ts';
import { startWarmUp } from './warm-up.ts';
import type { Feeds } from './wire-feeds.ts';

function readConfig(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return null;
    }
    throw error;
  }
}

/**
 * The feed machinery, wired on first use: its HTML and feed parsers take a third of a second to load, which the
 * console chat should not wait for (it needs them at the first poll, seconds later).
 */
function lazyFeeds(app: App, logger: Logger): () => Promise<Feeds> {
  let wired: Promise<Feeds> | undefined;
  return () => {
    wired ??= import('./wire-feeds.ts').then(({ wireFeeds }) => wireFeeds(app, logger));
    return wired;
  };
}

/**
 * `npm start`: migrate, ingest seeds when needed, start every adapter whose
 * token is set and the digest scheduler; with no platform token, the console chat.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = readConfig();
  if (!config) return;
  const { telegram, discord } = config;
  const consoleMode = !telegram.token && !(discord.token && discord.applicationId);
  // Next to a person's chat, logs are plain text and only warnings and errors, unless LOG_LEVEL asks for more.
  const level = consoleMode && process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel;
  const secrets = [config.anthropic.apiKey, config.telegram.token, config.discord.token];
  const logger = createLogger(level, secrets, consoleMode ? 'text' : 'json');
  const app = await createApp(config, logger);
  const feeds = lazyFeeds(app, logger);
  const feedsAdmin = consoleMode ? {} : { feeds: (await feeds()).admin };
  const updateClaims = { store: app.storage.updates, owner: instanceName(), leaseMs: config.claimLeaseMs };
  const core = {
    attache: app.attache,
    digests: app.digests,
    logger,
    botAdmins: config.feeds.admins,
    updateClaims,
    ...feedsAdmin,
  };
  const adapters: RunningAdapter[] = [];
  // Each platform's library is imported only when its token is set (discord.js alone takes half a second).
  if (telegram.token) {
    const { startTelegram } = await import('../adapters/telegram/start-telegram.ts');
    adapters.push(await startTelegram({ ...telegram, token: telegram.token }, core));
  }
  if (discord.token && discord.applicationId) {
    const { startDiscord } = await import('../adapters/discord/start-discord.ts');
    adapters.push(await startDiscord({ ...discord, token: discord.token, applicationId: discord.applicationId }, core));
  }
  const scheduler = startDigestScheduler(app, sendersOf(app.platforms), logger);
  const feedScheduler = startFeedScheduler({ pollDue: async () => (await feeds()).poller.pollDue() }, logger);

  let stopping: Promise<void> | undefined;
  let warmUp: { stop(): void } | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
      warmUp?.stop();
      await Promise.all([scheduler.stop(), feedScheduler.stop()]);
      await Promise.allSettled(adapters.map((a) => a.stop()));
      app.close();
      // discord.js keeps retrying an unreachable gateway even after client.destroy(); never hang on exit.
      setTimeout(() => process.exit(), 2_000).unref();
    })();
    return stopping;
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // The first question should not pay for loading the language data, the corpus profile or the search's first list
  // reads: they are done in idle time once start-up output is out (and again after the corpus changes).
  warmUp = startWarmUp(app.attache, logger);
  if (adapters.length === 0) {
    await runConsoleChat({
      attache: app.attache,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      conversation: consoleConversation(String(process.pid)),
    });
    await shutdown('end of input');
  } else {
    logger.info({ adapters: adapters.map((a) => a.name), engine: config.engine }, 'Attaché is running');
  }
}

exitQuietlyOnClosedPipe(process.stdout);
// Every failure at start (a platform rejecting its token, an unusable database file) is one clear line, exit 1.
await main().catch((error: unknown) => {
  const line = error instanceof AttacheError ? error.message : unexpectedErrorLine(error, 'Attaché could not start');
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
  // A half-started client (e.g. a Discord gateway that never sent READY) may keep retrying; exit anyway.
  setTimeout(() => process.exit(), 2_000).unref();
});
