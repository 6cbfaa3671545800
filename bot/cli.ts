import { ConfigError, StorageError } from '../core/errors.ts';
import { type App, createApp } from './app.ts';
import { askCommand } from './cli/ask-command.ts';
import { briefCommand } from './cli/brief-command.ts';
import type { CliCommand, CliContext } from './cli/command.ts';
import { writeLine } from './cli/command.ts';
import { digestCommand } from './cli/digest-command.ts';
import { discordDeployCommand } from './cli/discord-deploy-command.ts';
import { feedsCommand } from './cli/feeds-command.ts';
import { ingestCommand } from './cli/ingest-command.ts';
import { removeCommand } from './cli/remove-command.ts';
import { searchCommand } from './cli/search-command.ts';
import { sourcesCommand } from './cli/sources-command.ts';
import { timelineCommand } from './cli/timeline-command.ts';
import { usageCommand } from './cli/usage-command.ts';
import { whyCommand } from './cli/why-command.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { exitQuietlyOnClosedPipe, unexpectedErrorLine } from './quiet-exit.ts';

/** Every CLI command, wired by hand (no filesystem scanning). */
const COMMANDS: readonly CliCommand[] = [
  sourcesCommand,
  searchCommand,
  briefCommand,
  askCommand,
  timelineCommand,
  whyCommand,
  ingestCommand,
  feedsCommand,
  removeCommand,
  digestCommand,
  usageCommand,
  discordDeployCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** Runs one CLI invocation and returns the exit code. */
export async function runCli(argv: string[], io: Pick<CliContext, 'stdin' | 'stdout' | 'stderr'>): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    writeLine(name === undefined || name === 'help' || name === '--help' ? io.stdout : io.stderr, help());
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(
      io.stdout,
      [`Usage: npm run --silent cli -- ${command.usage}`, '', command.summary, command.help ?? ''].join('\n').trimEnd(),
    );
    return 0;
  }
  loadDotEnv();
  const json = args.includes('--json') || args.includes('--jsonl');
  let app: Promise<App> | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, [
      config.anthropic.apiKey,
      config.telegram.token,
      config.discord.token,
    ]);
    const context: CliContext = {
      ...io,
      config,
      logger,
      app: () => {
        app ??= createApp(config, logger);
        return app;
      },
    };
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof ConfigError) {
      if (json) writeLine(io.stdout, JSON.stringify({ error: { code: error.code, message: error.message } }));
      else writeLine(io.stderr, error.message);
      return 2;
    }
    if (error instanceof StorageError) {
      if (json) writeLine(io.stdout, JSON.stringify({ error: { code: error.code, message: error.message } }));
      else writeLine(io.stderr, error.message);
      return 1;
    }
    if (error instanceof Error && error.name === 'IngestError') {
      writeLine(io.stderr, error.message);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      writeLine(io.stderr, `${error.message}\n\n${help()}`);
      return 2;
    }
    const line = unexpectedErrorLine(error, `${name} failed`);
    if (json) writeLine(io.stdout, JSON.stringify({ error: { code: 'internal', message: line } }));
    else writeLine(io.stderr, line);
    return 1;
  } finally {
    if (app) await app.then((opened) => opened.close()).catch(() => undefined);
  }
}

exitQuietlyOnClosedPipe(process.stdout);
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
