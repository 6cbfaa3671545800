import { describe, expect, it } from 'vitest';
import { createIdentifyThrottler } from '../../adapters/discord/identify-throttler.ts';

describe('Discord identify throttler', () => {
  it('lets the first IDENTIFY of a bucket through at once, and other buckets too', async () => {
    const throttler = createIdentifyThrottler(2, 60_000);
    await throttler.waitForIdentify(0, new AbortController().signal);
    await throttler.waitForIdentify(1, new AbortController().signal);
  });

  it('rejects a wait as soon as it is aborted, so a shard whose socket closed does not identify later', async () => {
    const throttler = createIdentifyThrottler(1, 60_000);
    await throttler.waitForIdentify(0, new AbortController().signal);
    const closed = new AbortController();
    // Without the abort this wait would last the whole minute-long window (and the test time out).
    const waiting = throttler.waitForIdentify(0, closed.signal);
    closed.abort(new Error('shard closed'));
    await expect(waiting).rejects.toThrow();
    await expect(throttler.waitForIdentify(0, closed.signal)).rejects.toThrow();
  });

  it('keeps the window for the next shard of the bucket after an aborted wait', async () => {
    const throttler = createIdentifyThrottler(1, 60_000);
    await throttler.waitForIdentify(0, new AbortController().signal);
    const closed = new AbortController();
    const aborted = throttler.waitForIdentify(0, closed.signal);
    const next = new AbortController();
    let passed = false;
    const following = throttler.waitForIdentify(0, next.signal).then(() => {
      passed = true;
    });
    closed.abort(new Error('shard closed'));
    await expect(aborted).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(false);
    next.abort(new Error('stopped'));
    await expect(following).rejects.toThrow();
  });
});
