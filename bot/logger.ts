import { createRequire } from 'node:module';
import type { pino } from 'pino';
import type { Logger } from '../core/ports/logger.ts';

/** Paths whose values are secrets; pino replaces them before anything is written. */
const REDACT = ['token', 'apiKey', 'authorization', '*.token', '*.apiKey', '*.authorization', 'headers["x-api-key"]'];

export type AppLogger = Logger;

/** pino's levels by name, for deciding whether a line is written before pino is loaded. */
const LEVEL_VALUES: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
};

// pino and its writer are a few dozen modules: loaded at the first line that is written, not at start (a CLI
// command or the console chat, at their default level 'warn', usually write none).
const load = createRequire(import.meta.url);

/** Where log lines go: JSON lines for machines (services), or plain text next to a person's chat. */
export type LogFormat = 'json' | 'text';

const LABELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};
const OWN_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** One pino JSON line as one line of text: "warning: message (key=value, …)". */
export function plainLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const extra = Object.entries(record)
    .filter(([key]) => !OWN_KEYS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const label = LABELS[Number(record.level)] ?? 'log';
  return `${label}: ${String(record.msg ?? '')}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

/**
 * The process logger on stderr (stdout carries replies and machine-readable CLI output): JSON lines, or plain
 * text for the console chat. Secret-looking fields are redacted, and any configured secret value is scrubbed
 * from every line as a last net (library errors can embed a token in a URL).
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  format: LogFormat = 'json',
): AppLogger {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  let logger: pino.Logger | undefined;
  const open = (): pino.Logger => {
    if (logger) return logger;
    const { pino } = load('pino') as typeof import('pino');
    const destination =
      format === 'json'
        ? pino.destination(2)
        : { write: (line: string) => process.stderr.write(`${plainLogLine(line)}\n`) };
    logger = pino(
      {
        level,
        redact: { paths: REDACT, censor: '[redacted]' },
        hooks: {
          streamWrite: (line) => values.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), line),
        },
      },
      destination,
    );
    return logger;
  };
  const threshold = LEVEL_VALUES[level] ?? LEVEL_VALUES.info ?? 30;
  const method =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (obj: object | string, msg?: string): void => {
      if ((LEVEL_VALUES[name] ?? 0) < threshold) return;
      // Without a message, pino is called with one argument, as before: a string is then the message itself.
      if (msg === undefined) open()[name](obj);
      else open()[name](obj, msg);
    };
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}
