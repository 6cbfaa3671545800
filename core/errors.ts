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

/** A platform (Telegram, Discord, Anthropic) call failed. */
export class PlatformError extends AttacheError {
  readonly platform: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(
    platform: string,
    code: string,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message, { cause: options.cause });
    this.platform = platform;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
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
