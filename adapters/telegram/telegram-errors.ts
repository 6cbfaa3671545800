/** Telegram failures mapped to core's vocabulary, and described for logs without secrets. */
import { BotError, GrammyError, HttpError } from 'grammy';
import { codeForStatus, describeError as describeAny, PlatformError } from '../../core/errors.ts';
import type { PartOutcome } from '../../core/ports/sender.ts';

// 400 descriptions that mean the chat will never accept messages from the bot again.
const GONE_400 =
  /chat not found|user is deactivated|bot was kicked|bot was blocked|group chat was upgraded|chat_write_forbidden|have no rights to send|not enough rights to send/i;

/**
 * A loggable summary of any error, through core's one describeError. grammY network errors can wrap a
 * fetch error whose message holds the request URL (with the token), so they are mapped first and only
 * grammY's own message is kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  const inner = error instanceof BotError ? error.error : error;
  const mapped = inner instanceof GrammyError || inner instanceof HttpError ? toPlatformError(inner) : inner;
  return describeAny(mapped);
}

/** The chat is gone for good (blocked, kicked, deleted): stop sending to it. */
export function goneReason(error: unknown): string | null {
  if (!(error instanceof GrammyError)) return null;
  if (error.error_code === 403 || (error.error_code === 400 && GONE_400.test(error.description))) {
    return `${error.error_code}: ${error.description}`;
  }
  return null;
}

/** Any Telegram failure as a PlatformError with core's codes: 429, 5xx and network failures are worth retrying. */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof GrammyError) {
    const status = error.error_code;
    const retryAfter = error.parameters.retry_after;
    return new PlatformError(
      'telegram',
      codeForStatus(status).code,
      `Telegram ${error.method} failed (${status}: ${error.description})`,
      {
        retryable: codeForStatus(status).retryable,
        detail: status,
        ...(typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}),
      },
    );
  }
  if (error instanceof HttpError) {
    return new PlatformError('telegram', 'network', error.message, { retryable: true });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError('telegram', 'unexpected', message, { retryable: false });
}

/** A failed delivery as a PartOutcome (gone) or a thrown PlatformError. */
export function deliveryFailure(error: unknown): PartOutcome {
  const reason = goneReason(error);
  if (reason) return { status: 'gone', reason };
  throw toPlatformError(error);
}
