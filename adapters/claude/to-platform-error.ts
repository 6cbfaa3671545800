import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { codeForStatus, PlatformError, type PlatformErrorCode } from '../../core/errors.ts';

const PLATFORM = 'anthropic';

function retryAfterMs(error: APIError): number | undefined {
  const ms = Number.parseFloat(error.headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number.parseFloat(error.headers?.get('retry-after') ?? '');
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * A PlatformError for any failure of a Claude call. The message is built from the status and our own words
 * only: no API message, request or cause is carried along, so neither the key nor passage text can leak
 * into a log line or a user's screen through it.
 */
export function toPlatformError(error: unknown, timedOut: boolean): PlatformError {
  const fail = (code: PlatformErrorCode, what: string, retryable: boolean, retryAfter?: number) =>
    new PlatformError(PLATFORM, code, `Claude request failed: ${what}.`, {
      retryable,
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
      ...(error instanceof APIError && typeof error.status === 'number' ? { detail: error.status } : {}),
    });
  if (error instanceof PlatformError) return error;
  if (timedOut || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return fail('timeout', 'no reply within the time limit', true);
  }
  if (error instanceof APIConnectionError) return fail('network', 'could not reach the API', true);
  if (error instanceof RateLimitError) return fail('rate_limited', 'rate limited (429)', true, retryAfterMs(error));
  if (error instanceof OverloadedError) return fail('unavailable', 'API overloaded (529)', true, retryAfterMs(error));
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return fail('unauthorized', `the API key was not accepted (${error.status})`, false);
  }
  if (error instanceof BadRequestError) return fail('rejected', 'the API rejected the request (400)', false);
  if (error instanceof APIError && typeof error.status === 'number') {
    const { code, retryable } = codeForStatus(error.status);
    return fail(code, `HTTP ${error.status}`, retryable);
  }
  return fail('unexpected', 'unexpected error', false);
}
