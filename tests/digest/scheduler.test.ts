import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDigestScheduler } from '../../bot/scheduler.ts';
import type { DigestRunReport } from '../../core/digest/digest-runner.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createMemorySender } from '../fakes/memory-sender.ts';
import { harness, stubAttache, subscription } from './digest-fixtures.ts';

let database: OpenedDatabase | undefined;
afterEach(() => {
  vi.useRealTimers();
  database?.close();
});

/** The scheduler only hands `attache` to the default runner; these tests inject the runner. */
const unusedAttache = stubAttache();

describe('digest scheduler', () => {
  it('fires every minute with croner, posts what is due, and stops', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-10T06:58:30Z'));
    database = openDatabase(':memory:');
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const sender = createMemorySender('telegram');
    const instants: string[] = [];
    const runner = {
      runDue: (instant: Date, senders: Parameters<typeof h.runner.runDue>[1], options?: { signal?: AbortSignal }) => {
        instants.push(instant.toISOString());
        return h.runner.runDue(instant, senders, options);
      },
    };
    const app = { database, attache: unusedAttache, clock: systemClock };
    const scheduler = startDigestScheduler(app, [sender], silentLogger, { runner });

    await vi.advanceTimersByTimeAsync(60_000); // 06:59:00 tick
    expect(instants).toEqual(['2026-01-10T06:59:00.000Z']);
    expect(sender.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000); // 07:00:00 = 08:00 Berlin
    expect(instants).toHaveLength(2);
    expect(sender.delivered).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(instants).toHaveLength(7);
    expect(sender.delivered).toHaveLength(1);

    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(instants).toHaveLength(7);
  });

  it('skips ticks while a run is in flight, and stop() waits for it', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-10T06:59:30Z'));
    let finish: (report: DigestRunReport) => void = () => {};
    let signal: AbortSignal | undefined;
    let calls = 0;
    const runner = {
      runDue: (_instant: Date, _senders: unknown, options?: { signal?: AbortSignal }) => {
        calls++;
        signal = options?.signal;
        return new Promise<DigestRunReport>((resolve) => {
          finish = resolve;
        });
      },
    };
    database = openDatabase(':memory:');
    const app = { database, attache: unusedAttache, clock: systemClock };
    const scheduler = startDigestScheduler(app, [createMemorySender('telegram')], silentLogger, { runner });

    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * 60_000); // protect: no overlapping run
    expect(calls).toBe(1);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(signal?.aborted).toBe(true);
    expect(stopped).toBe(false);
    finish({ at: '2026-01-10T07:00:00.000Z', items: [] });
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toBe(1);
  });

  it('does not start without any platform sender', async () => {
    vi.useFakeTimers();
    const runner = { runDue: vi.fn() };
    database = openDatabase(':memory:');
    const scheduler = startDigestScheduler({ database, attache: unusedAttache, clock: systemClock }, [], silentLogger, {
      runner,
    });
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    await scheduler.stop();
    expect(runner.runDue).not.toHaveBeenCalled();
  });
});
