import { pino } from 'pino';

/** Paths whose values are secrets; pino replaces them before anything is written. */
const REDACT = ['token', 'apiKey', 'authorization', '*.token', '*.apiKey', '*.authorization', 'headers["x-api-key"]'];

export type AppLogger = pino.Logger;

/**
 * The process logger: JSON lines on stderr (stdout carries replies and
 * machine-readable CLI output). Secret-looking fields are redacted, and any
 * configured secret value is scrubbed from every line as a last net (library
 * errors can embed a token in a URL).
 */
export function createLogger(level: string, secrets: readonly (string | undefined)[] = []): AppLogger {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => values.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), line),
      },
    },
    pino.destination(2),
  );
}
