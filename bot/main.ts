import { runConsoleChat } from '../adapters/console/console-chat.ts';
import { consoleConversation } from '../adapters/console/console-platform.ts';
import { startDiscord } from '../adapters/discord/start-discord.ts';
import type { RunningAdapter } from '../adapters/running-adapter.ts';
import { startTelegram } from '../adapters/telegram/start-telegram.ts';
import { AttacheError, ConfigError } from '../core/errors.ts';
import { createApp } from './app.ts';
import { type Config, loadConfig, loadDotEnv } from './config.ts';
import { startFeedScheduler } from './feed-scheduler.ts';
import { createLogger } from './logger.ts';
import { sendersOf } from './platforms.ts';
import { exitQuietlyOnClosedPipe, unexpectedErrorLine } from './quiet-exit.ts';
import { startDigestScheduler } from './scheduler.ts';
import { wireFeeds } from './wire-feeds.ts';

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
  const feeds = wireFeeds(app, logger);
  const core = {
    attache: app.attache,
    digests: app.digests,
    logger,
    botAdmins: config.feeds.admins,
    feeds: feeds.admin,
  };
  const adapters: RunningAdapter[] = [];
  if (telegram.token) adapters.push(await startTelegram({ ...telegram, token: telegram.token }, core));
  if (discord.token && discord.applicationId) {
    adapters.push(await startDiscord({ ...discord, token: discord.token, applicationId: discord.applicationId }, core));
  }
  const scheduler = startDigestScheduler(app, sendersOf(app.platforms), logger);
  const feedScheduler = startFeedScheduler(feeds.poller, logger);

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
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
