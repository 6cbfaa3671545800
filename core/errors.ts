/**
 * The error hierarchy. Expected misses (no results, unanswerable question) are
 * return values, not errors; these classes are for things that went wrong.
 */
export class AttacheError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad user input. The message is safe to show to the user as is. */
export class InputError extends AttacheError {}

/**
 * What went wrong with a platform call, the same codes on every platform:
 * rate_limited (retry after `retryAfterMs`), unavailable (5xx, overloaded), timeout, network (unreachable),
 * unauthorized (token or key rejected), rejected (the platform refused this request), unexpected.
 */
export type PlatformErrorCode =
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'unauthorized'
  | 'rejected'
  | 'unexpected';

/** The code and retry hint of an HTTP status, the same for every platform. */
export function codeForStatus(status: number): { code: PlatformErrorCode; retryable: boolean } {
  if (status === 429) return { code: 'rate_limited', retryable: true };
  if (status === 401) return { code: 'unauthorized', retryable: false };
  if (status === 408) return { code: 'timeout', retryable: true };
  // 409: a conflicting request in flight (Anthropic asks for a retry).
  if (status >= 500 || status === 409) return { code: 'unavailable', retryable: true };
  return { code: 'rejected', retryable: false };
}

/** A platform (Telegram, Discord, Anthropic) call failed. Each adapter maps its library's errors to this. */
export class PlatformError extends AttacheError {
  declare readonly code: PlatformErrorCode;
  readonly platform: string;
  readonly retryable: boolean;
  /** How long the platform asked to wait before a retry (rate_limited), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The platform's own status or error code (e.g. 429, 50001), for logs. */
  readonly detail: string | undefined;
  constructor(
    platform: string,
    code: PlatformErrorCode,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; detail?: string | number; cause?: unknown },
  ) {
    super(code, message, { cause: options.cause });
    this.platform = platform;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.detail = options.detail === undefined ? undefined : String(options.detail);
  }
}

/** Invalid configuration, detected at start-up. The message names the variable. */
export class ConfigError extends AttacheError {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super('config', message);
    this.variable = variable;
  }
}

/**
 * The store cannot be used (missing or read-only location, locked or corrupt file, full disk). The message
 * names the file and what to do; at start-up it is the one line the operator sees.
 */
export class StorageError extends AttacheError {}

/** Ingest could not read a file or found no article text in it. */
export class IngestError extends AttacheError {}

/** Turns any thrown value into a message that is safe for a user to read. */
export function userMessage(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof PlatformError && error.retryable) {
    return 'The service is busy right now. Please try again in a moment.';
  }
  return 'Sorry, something went wrong on our side. Please try again.';
}

// Bot tokens (Telegram "123456:secret", Discord "a.b.c") and API keys must never reach a log line or the database.
const SECRETS = [
  /\d{5,}:[A-Za-z0-9_-]{20,}/g,
  /sk-ant-[A-Za-z0-9_-]+/g,
  /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}/g,
];
const MAX_MESSAGE_CHARS = 500;

function redact(text: string): string {
  const clean = SECRETS.reduce((t, pattern) => t.replace(pattern, '[redacted]'), text.replace(/\s+/g, ' ').trim());
  return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS - 1)}…` : clean;
}

/**
 * The one description of any thrown value for logs: its kind, code and a one-line message, secrets
 * redacted, never a stack trace. Adapters map their library's errors to PlatformError first
 * (their `toPlatformError`), so library messages that embed request URLs never get here.
 */
export function describeError(error: unknown): Record<string, string | number | boolean> {
  if (error instanceof PlatformError) {
    return {
      kind: error.name,
      platform: error.platform,
      code: error.code,
      retryable: error.retryable,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      message: redact(error.message),
    };
  }
  if (error instanceof AttacheError) return { kind: error.name, code: error.code, message: redact(error.message) };
  if (error instanceof Error) {
    const extra = error as Error & { code?: unknown; status?: unknown };
    return {
      kind: error.name,
      ...(typeof extra.code === 'string' || typeof extra.code === 'number' ? { code: extra.code } : {}),
      ...(typeof extra.status === 'number' ? { status: extra.status } : {}),
      message: redact(error.message),
    };
  }
  return { kind: typeof error, message: redact(String(error)) };
}

/** describeError as one line ("rate_limited: Telegram sendMessage failed …"), for stored run errors. */
export function errorLine(error: unknown): string {
  const { code, message } = describeError(error);
  return redact(error instanceof PlatformError ? `${code}: ${message}` : String(message));
}
