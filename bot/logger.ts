import { pino } from 'pino';

/** Paths whose values are secrets; pino replaces them before anything is written. */
const REDACT = ['token', 'apiKey', 'authorization', '*.token', '*.apiKey', '*.authorization', 'headers["x-api-key"]'];

export type AppLogger = pino.Logger;

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
  const destination =
    format === 'json'
      ? pino.destination(2)
      : { write: (line: string) => process.stderr.write(`${plainLogLine(line)}\n`) };
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => values.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), line),
      },
    },
    destination,
  );
}
