import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFeedScheduler } from '../../bot/feed-scheduler.ts';
import type { FeedPollReport } from '../../core/feeds/feed-poller.ts';
import { silentLogger } from '../../core/ports/logger.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('feed scheduler', () => {
  it('polls due feeds every 30 seconds, one tick at a time, until stopped', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-10T08:00:00Z'));
    let calls = 0;
    let release: () => void = () => {};
    const poller = {
      pollDue: () => {
        calls++;
        // The first tick hangs for 50 s: the ticks in between are skipped, not stacked.
        return calls === 1
          ? new Promise<FeedPollReport[]>((resolve) => {
              release = () => resolve([]);
            })
          : Promise.resolve([]);
      },
    };
    const scheduler = startFeedScheduler(poller, silentLogger);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(2);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toBe(2);
  });
});
