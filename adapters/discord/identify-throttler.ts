/**
 * Discord's identify rate limit for @discordjs/ws: one IDENTIFY per bucket (shard id % max_concurrency) every
 * 5 seconds. It replaces the library's SimpleIdentifyThrottler, whose 5-second sleep ignores the abort signal:
 * a shard whose connection closed during that sleep still identified afterwards, on the socket that had replaced
 * it meanwhile (still CONNECTING), and ws's send threw "WebSocket is not open" as an unhandled rejection. This
 * one keeps the IIdentifyThrottler contract: it rejects as soon as the wait is aborted (the shard then skips
 * that IDENTIFY).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The throttler shape @discordjs/ws asks for (IIdentifyThrottler). */
export interface IdentifyThrottler {
  /** Resolves once the shard may identify; rejects when `signal` aborts first. */
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void>;
}

/** Discord's window between two IDENTIFYs of one bucket. */
const IDENTIFY_WINDOW_MS = 5_000;

/** Resolves with `previous`, or rejects when `signal` aborts first. */
async function turnOrAbort(previous: Promise<void>, signal: AbortSignal): Promise<void> {
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([previous, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** An identify throttler for `maxConcurrency` buckets (session_start_limit.max_concurrency of GET /gateway/bot). */
export function createIdentifyThrottler(maxConcurrency: number, windowMs = IDENTIFY_WINDOW_MS): IdentifyThrottler {
  const buckets = new Map<number, { tail: Promise<void>; nextAt: number }>();
  return {
    async waitForIdentify(shardId, signal) {
      signal.throwIfAborted();
      const key = shardId % Math.max(1, maxConcurrency);
      const bucket = buckets.get(key) ?? { tail: Promise.resolve(), nextAt: 0 };
      buckets.set(key, bucket);
      // Shards of one bucket take turns; an aborted wait hands its turn on only once the turn before it ended.
      const previous = bucket.tail;
      let release = () => {};
      bucket.tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        await turnOrAbort(previous, signal);
        const wait = bucket.nextAt - Date.now();
        if (wait > 0) await sleep(wait, undefined, { signal });
        bucket.nextAt = Date.now() + windowMs;
      } finally {
        void previous.then(release);
      }
    },
  };
}
