import type { Readable, Writable } from 'node:stream';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { AppLogger } from '../logger.ts';

export interface CliContext {
  config: Config;
  logger: AppLogger;
  /** Opens the app (database, corpus) on first use; commands that need none never pay for it. */
  app(): Promise<App>;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** One CLI command, in the style of discord.js command modules: data plus an execute function. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** More for `<command> --help`: options, defaults, examples. */
  help?: string;
  /** Returns the process exit code. */
  run(args: string[], context: CliContext): Promise<number>;
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}

export function writeJson(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
