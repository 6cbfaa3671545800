/**
 * The one retry policy for outbound calls that their library does not already retry (digest deliveries,
 * feed polls): exponential backoff with jitter, a platform's own retry-after honoured, non-retryable
 * failures not retried. Jitter spreads out callers that failed together, so they do not retry together.
 */
import { PlatformError } from './errors.ts';

export interface BackoffPolicy {
  /** Wait after the first failure. */
  baseDelayMs: number;
  /** Each later wait is this many times longer (2: doubling). */
  factor: number;
  /** Longest wait. */
  maxDelayMs: number;
}

/**
 * The wait before retry number `attempt` (1 for the first retry): base × factor^(attempt − 1), capped,
 * with "equal jitter" (half of it fixed, half random). `random` returns 0–1 (Math.random by default).
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const full = Math.min(policy.baseDelayMs * policy.factor ** Math.max(0, attempt - 1), policy.maxDelayMs);
  return Math.round(full / 2 + (full / 2) * random());
}

/**
 * The wait before retrying after `error`, or null when retrying makes no sense: the failure is not
 * retryable, or the platform asks for a longer wait (retry-after) than the policy allows.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | null {
  if (error instanceof PlatformError && !error.retryable) return null;
  const asked = error instanceof PlatformError ? error.retryAfterMs : undefined;
  const wait = asked ?? backoffDelay(policy, attempt, random);
  return wait <= policy.maxDelayMs ? wait : null;
}

export interface RetryOptions extends BackoffPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Waits between attempts; rejects when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
}

/** Runs `work` until it succeeds, the error is not worth retrying, or the attempts run out (then rethrows). */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      const wait = attempt < options.attempts ? retryDelay(error, attempt, options, options.random) : null;
      if (wait === null) throw error;
      await options.sleep(wait, options.signal);
    }
  }
}
