import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_REASON } from '../../core/digest/digest-runner.ts';
import { PlatformError } from '../../core/errors.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createDigestRepository } from '../../db/repositories/digest-repository.ts';
import { digestRuns } from '../../db/schema.ts';
import { createMemorySender, type MemorySender, type SendCall } from '../fakes/memory-sender.ts';
import { allRuns, harness, subscription, tempDir } from './digest-fixtures.ts';

let opened: OpenedDatabase[] = [];
let dir: ReturnType<typeof tempDir>;

function open(path = ':memory:'): OpenedDatabase {
  const database = openDatabase(path);
  opened.push(database);
  return database;
}

beforeEach(() => {
  dir = tempDir();
});

afterEach(() => {
  for (const database of opened) database.close();
  opened = [];
  dir.cleanup();
});

describe('exactly once', () => {
  it('posts once per local day across a restart (new runner objects on the same database file)', async () => {
    const file = join(dir.dir, 'attache.db');
    const first = open(file);
    const h1 = harness(first.db, { at: '2026-01-10T06:00:00Z' });
    await h1.digests.subscribe(subscription());
    const sender = createMemorySender('telegram');

    expect((await h1.runner.runDue(new Date('2026-01-10T06:59:00Z'), [sender])).items).toEqual([]);
    const report = await h1.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    expect(report.items).toMatchObject([{ outcome: 'sent', localDate: '2026-01-10', attempts: 1, late: false }]);
    expect((await h1.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender])).items).toEqual([]);
    first.close();

    // "Restart": a new connection, store and runner; same instant, then later the same day.
    const second = open(file);
    const h2 = harness(second.db, { at: '2026-01-10T07:00:30Z' });
    expect((await h2.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender])).items).toEqual([]);
    expect((await h2.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender])).items).toEqual([]);
    expect((await h2.runner.runDue(new Date('2026-01-10T22:59:00Z'), [sender])).items).toEqual([]);
    expect(sender.delivered).toHaveLength(1);

    // The next local day posts again, once.
    await h2.runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender]);
    await h2.runner.runDue(new Date('2026-01-11T07:01:00Z'), [sender]);
    expect(sender.delivered).toHaveLength(2);
    expect(allRuns(second.db).map((r) => [r.localDate, r.status, r.attempts])).toEqual([
      ['2026-01-10', 'sent', 1],
      ['2026-01-11', 'sent', 1],
    ]);
  });

  it('lets only one of two schedulers on one database file post (separate connections, concurrent runs)', async () => {
    const file = join(dir.dir, 'shared.db');
    const a = open(file);
    const b = open(file);
    const ha = harness(a.db, { at: '2026-01-10T06:00:00Z', instanceId: 'process-a' });
    const hb = harness(b.db, { at: '2026-01-10T06:00:00Z', instanceId: 'process-b' });
    const targets = ['1001', '1002', '1003', '1004', '1005'];
    for (const targetId of targets) await ha.digests.subscribe(subscription({ targetId }));
    const senderA = createMemorySender('telegram');
    const senderB = createMemorySender('telegram');
    const at = new Date('2026-01-10T07:00:00Z');

    const reports = await Promise.all([
      ha.runner.runDue(at, [senderA]),
      hb.runner.runDue(at, [senderB]),
      ha.runner.runDue(at, [senderA]),
    ]);
    const delivered = [...senderA.delivered, ...senderB.delivered].map((c) => c.targetId).sort();
    expect(delivered).toEqual(targets);
    const outcomes = reports.flatMap((r) => r.items.map((i) => i.outcome));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(5);
    // The runs really overlapped: the losers found the winners' claims.
    expect(outcomes.filter((o) => o === 'busy').length).toBeGreaterThan(0);
    expect(senderB.delivered.length).toBeGreaterThan(0);
    expect(allRuns(a.db).map((r) => r.status)).toEqual(Array(5).fill('sent'));

    // Run again from both: nothing more.
    await Promise.all([ha.runner.runDue(at, [senderA]), hb.runner.runDue(at, [senderB])]);
    expect(senderA.delivered.length + senderB.delivered.length).toBe(5);
  });
});

describe('a crash between claim and send', () => {
  async function claimAs(database: OpenedDatabase, owner: string, at: string, legacyAttempts = 0) {
    const store = createDigestRepository(database.db);
    const [sub] = await store.listActiveSubscriptions();
    if (!sub) throw new Error('no subscription');
    const result = await store.claimRun({ subscriptionId: sub.id, localDate: '2026-01-10', claimedBy: owner, at });
    if (result.outcome !== 'claimed') throw new Error('claim failed');
    // Attempts counted with no part recorded: what a process from before per-part records left.
    if (legacyAttempts > 0) {
      database.db.update(digestRuns).set({ attempts: legacyAttempts }).where(eq(digestRuns.id, result.run.id)).run();
    }
  }

  it('takes over a stale claim that never attempted a send, and posts once', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z', instanceId: 'survivor' });
    await h.digests.subscribe(subscription());
    await claimAs(database, 'dead-process', '2026-01-10T07:00:00Z');
    const sender = createMemorySender('telegram');

    h.clock.set('2026-01-10T07:00:20Z');
    const fresh = await h.runner.runDue(new Date('2026-01-10T07:00:20Z'), [sender]);
    expect(fresh.items).toMatchObject([{ outcome: 'busy' }]);
    expect(sender.calls).toHaveLength(0);

    // Its owner's heartbeat stopped one lease (30 s) ago: the process died.
    h.clock.set('2026-01-10T07:00:31Z');
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:31Z'), [sender]);
    expect(report.items).toMatchObject([{ outcome: 'sent', attempts: 1 }]);
    expect(sender.delivered).toHaveLength(1);
    expect(allRuns(database.db)).toMatchObject([{ status: 'sent', claimedBy: 'survivor', attempts: 1 }]);
  });

  it('keeps a live claim however long its send takes: the owner renews it, so nobody takes it over', async () => {
    const database = open();
    const leaseMs = 300;
    // The real clock: the heartbeat runs on timers while the send stalls for several leases.
    const slow = harness(database.db, { at: '2026-01-10T06:00:00Z', instanceId: 'slow', staleClaimMs: leaseMs });
    const other = harness(database.db, { at: '2026-01-10T06:00:00Z', instanceId: 'other', staleClaimMs: leaseMs });
    await slow.digests.subscribe(subscription());
    const clocks = [slow.clock, other.clock];
    const tick = setInterval(() => {
      for (const clock of clocks) clock.set(new Date().toISOString());
    }, 20);
    try {
      for (const clock of clocks) clock.set(new Date().toISOString());
      const stalled = createMemorySender('telegram', async (_call, n) => {
        await new Promise((resolve) => setTimeout(resolve, leaseMs * 4));
        return { status: 'sent', messageId: `slow${n}` };
      });
      const at = new Date('2026-01-10T07:00:00Z');
      const first = slow.runner.runDue(at, [stalled]);
      await new Promise((resolve) => setTimeout(resolve, leaseMs * 2));
      const rival = createMemorySender('telegram');
      expect((await other.runner.runDue(at, [rival])).items).toMatchObject([{ outcome: 'busy' }]);
      expect((await first).items).toMatchObject([{ outcome: 'sent', attempts: 1 }]);
      expect(rival.calls).toHaveLength(0);
      expect(allRuns(database.db)).toMatchObject([{ status: 'sent', claimedBy: 'slow', attempts: 1 }]);
    } finally {
      clearInterval(tick);
    }
  });

  it('never resends a run whose attempts predate per-part records: it is marked failed', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    await claimAs(database, 'old-process', '2026-01-10T07:00:00Z', 1);
    const sender = createMemorySender('telegram');

    h.clock.set('2026-01-10T07:20:00Z');
    const report = await h.runner.runDue(new Date('2026-01-10T07:20:00Z'), [sender]);
    expect(report.items).toMatchObject([{ outcome: 'failed', reason: INTERRUPTED_REASON }]);
    expect(await h.runner.runDue(new Date('2026-01-10T08:00:00Z'), [sender])).toMatchObject({ items: [] });
    expect(sender.calls).toHaveLength(0);
    expect(allRuns(database.db)).toMatchObject([{ status: 'failed', lastError: INTERRUPTED_REASON, attempts: 1 }]);
  });
});

describe('a process that dies mid-send (a three-part digest)', () => {
  /**
   * A platform that creates a message per post and, like Discord with an enforced nonce, returns the message it
   * created for a key it has seen instead of a second one.
   */
  function platform() {
    const created = new Map<string, string>();
    return {
      created,
      post(call: SendCall) {
        const id = created.get(call.key) ?? `msg${created.size + 1}`;
        created.set(call.key, id);
        return { status: 'sent' as const, messageId: id };
      },
    };
  }

  /**
   * Starts `doomed` on the digest: its post of the second part reaches the platform and never returns (its process
   * died); returns what the survivor needs, and `bury`, which ends the doomed run as a dead process would not.
   */
  async function dieMidSend(database: OpenedDatabase, channel: ReturnType<typeof platform>) {
    const doomed = harness(database.db, { at: '2026-01-10T06:00:00Z', instanceId: 'doomed' });
    await doomed.digests.subscribe(subscription());
    doomed.clock.set('2026-01-10T07:00:00Z');
    let bury = () => {};
    const death = new Promise<never>((_, reject) => {
      bury = () => reject(new Error('process died'));
    });
    const sender = createMemorySender(
      'telegram',
      async (call) => {
        const outcome = channel.post(call);
        if (call.part === 1) await death;
        return outcome;
      },
      { parts: 3 },
    );
    const run = doomed.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    while (sender.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    return { sender, run, bury };
  }

  it('posts the part under way again with its key where the platform dedupes, then the rest: each part once', async () => {
    const database = open(join(dir.dir, 'shared.db'));
    const channel = platform();
    const doomed = await dieMidSend(database, channel);
    const survivor = harness(database.db, { at: '2026-01-10T07:00:31Z', instanceId: 'survivor' });
    const sender = createMemorySender('telegram', (call) => channel.post(call), {
      parts: 3,
      idempotencyWindowMs: 120_000,
    });

    const report = await survivor.runner.runDue(new Date('2026-01-10T07:00:31Z'), [sender]);
    expect(report.items).toMatchObject([{ outcome: 'sent', attempts: 2, messageIds: ['msg1', 'msg2', 'msg3'] }]);
    expect(report.items[0]?.reason).toBeUndefined();
    // The survivor posted the second part again with the same key (the platform returned its message) and the third.
    expect(sender.calls.map((c) => [c.part, c.key])).toEqual([
      [1, doomed.sender.calls[1]?.key],
      [2, 'digest:1:2026-01-10:2'],
    ]);
    expect([...channel.created.keys()]).toEqual([
      'digest:1:2026-01-10:0',
      'digest:1:2026-01-10:1',
      'digest:1:2026-01-10:2',
    ]);
    // The same digest as the dead process's, read back from the run: not built again.
    expect(sender.calls[0]?.reply).toEqual(doomed.sender.calls[0]?.reply);
    expect(allRuns(database.db)).toMatchObject([
      {
        status: 'sent',
        claimedBy: 'survivor',
        partsSent: 3,
        partStartedAt: null,
        messageIds: '["msg1","msg2","msg3"]',
      },
    ]);

    // The dead process, were it to wake up, can write nothing more.
    doomed.bury();
    expect((await doomed.run).items).toMatchObject([{ outcome: 'busy', reason: 'claim lost to another process' }]);
    expect(doomed.sender.calls).toHaveLength(2);
    expect(allRuns(database.db)).toMatchObject([{ status: 'sent', claimedBy: 'survivor', partsSent: 3 }]);
  });

  it.each([
    ['on a platform without idempotency keys', undefined, '2026-01-10T07:00:31Z'],
    ['once the platform no longer remembers the key', 120_000, '2026-01-10T07:02:30Z'],
  ])('%s: gives up the part under way (at most once) and posts the rest', async (_name, windowMs, takeoverAt) => {
    const database = open(join(dir.dir, 'shared.db'));
    const channel = platform();
    const doomed = await dieMidSend(database, channel);
    const survivor = harness(database.db, { at: takeoverAt, instanceId: 'survivor' });
    const sender = createMemorySender('telegram', (call) => channel.post(call), {
      parts: 3,
      ...(windowMs === undefined ? {} : { idempotencyWindowMs: windowMs }),
    });

    const report = await survivor.runner.runDue(new Date(takeoverAt), [sender]);
    const note = expect.stringMatching(/^part 2 of 3 was under way when its process stopped and was not resent/);
    expect(report.items).toMatchObject([{ outcome: 'sent', attempts: 1, messageIds: ['msg1', 'msg3'], reason: note }]);
    expect(sender.calls.map((c) => c.part)).toEqual([2]);
    // Each part reached the platform once: the second from the dead process, the third from the survivor.
    expect([...channel.created.keys()]).toEqual([
      'digest:1:2026-01-10:0',
      'digest:1:2026-01-10:1',
      'digest:1:2026-01-10:2',
    ]);
    expect(allRuns(database.db)).toMatchObject([{ status: 'sent', partsSent: 3, lastError: note }]);
    expect((await survivor.digests.list())[0]?.lastRun).toMatchObject({ status: 'sent', error: note });
    doomed.bury();
    expect((await doomed.run).items).toMatchObject([{ outcome: 'busy' }]);
  });

  it('retries a failed part without posting the confirmed ones again', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    let failures = 0;
    const sender = createMemorySender(
      'telegram',
      (call, n) => {
        if (call.part === 1 && failures++ === 0) {
          throw new PlatformError('telegram', 'network', 'Network request failed', { retryable: true });
        }
        return { status: 'sent', messageId: `m${n}` };
      },
      { parts: 3 },
    );
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    expect(sender.calls.map((c) => c.part)).toEqual([0, 1, 1, 2]);
    expect(report.items).toMatchObject([{ outcome: 'sent', attempts: 4, messageIds: ['m1', 'm3', 'm4'] }]);
    expect(h.sleeps).toEqual([2_000]);
    expect(allRuns(database.db)).toMatchObject([{ status: 'sent', attempts: 4, partsSent: 3 }]);
  });

  it('says how many parts were posted when a later part fails for good', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const sender = createMemorySender(
      'telegram',
      (call, n) => {
        if (call.part === 2) throw new PlatformError('telegram', 'rejected', 'Bad Request', { retryable: false });
        return { status: 'sent', messageId: `m${n}` };
      },
      { parts: 3 },
    );
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    expect(report.items).toMatchObject([
      { outcome: 'failed', reason: 'rejected: Bad Request (2 of 3 parts were posted)' },
    ]);
    expect(allRuns(database.db)).toMatchObject([{ status: 'failed', partsSent: 2, messageIds: '["m1","m2"]' }]);
  });
});

describe('catch-up after downtime', () => {
  it('sends a missed digest late, once, when it is still the same local day', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const sender = createMemorySender('telegram');
    const report = await h.runner.runDue(new Date('2026-01-10T15:00:00Z'), [sender]);
    expect(report.items).toMatchObject([{ outcome: 'sent', localDate: '2026-01-10', late: true }]);
    await h.runner.runDue(new Date('2026-01-10T16:00:00Z'), [sender]);
    expect(sender.delivered).toHaveLength(1);
  });

  it('skips and records a digest missed on an earlier local day, then sends today when due', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const sender = createMemorySender('telegram');

    const early = await h.runner.runDue(new Date('2026-01-11T06:00:00Z'), [sender]);
    expect(early.items).toMatchObject([{ outcome: 'skipped', localDate: '2026-01-10' }]);
    expect(early.items[0]?.reason).toContain('missed');
    expect(sender.calls).toHaveLength(0);

    const due = await h.runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender]);
    expect(due.items).toMatchObject([{ outcome: 'sent', localDate: '2026-01-11', late: false }]);
    expect(allRuns(database.db).map((r) => [r.localDate, r.status])).toEqual([
      ['2026-01-10', 'skipped'],
      ['2026-01-11', 'sent'],
    ]);
    expect(allRuns(database.db)[0]?.lastError).toMatch(
      /^missed: no digest was sent on 2026-01-10 at 08:00 Europe\/Berlin/,
    );
    expect(sender.delivered).toHaveLength(1);
  });
});

describe('daylight saving days', () => {
  /** Runs every 5 minutes over a whole local day and returns the instants that posted. */
  async function sweep(timezone: string, localTime: string, fromIso: string, toIso: string): Promise<string[]> {
    const database = open();
    const h = harness(database.db, { at: '2026-01-01T00:00:00Z' });
    await h.digests.subscribe(subscription({ timezone, localTime }));
    const sender = createMemorySender('telegram');
    const posted: string[] = [];
    for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 5 * 60_000) {
      const instant = new Date(t);
      h.clock.set(instant.toISOString());
      const report = await h.runner.runDue(instant, [sender]);
      for (const item of report.items)
        if (item.outcome === 'sent') posted.push(`${instant.toISOString()} ${item.localDate}`);
    }
    return posted;
  }

  it('Europe/Berlin spring forward: 02:30 does not exist on 2026-03-29 and runs at 03:00', async () => {
    // Local midnight (23:00Z) to the next local midnight (22:00Z, CEST).
    const posted = await sweep('Europe/Berlin', '02:30', '2026-03-28T23:05:00Z', '2026-03-29T21:55:00Z');
    expect(posted).toEqual(['2026-03-29T01:00:00.000Z 2026-03-29']);
  });

  it('Europe/Berlin fall back: 02:30 happens twice on 2026-10-25 and runs once', async () => {
    const posted = await sweep('Europe/Berlin', '02:30', '2026-10-24T22:05:00Z', '2026-10-25T22:55:00Z');
    expect(posted).toEqual(['2026-10-25T00:30:00.000Z 2026-10-25']);
  });

  it('America/New_York spring forward: 02:30 does not exist on 2026-03-08 and runs at 03:00', async () => {
    const posted = await sweep('America/New_York', '02:30', '2026-03-08T05:05:00Z', '2026-03-09T03:55:00Z');
    expect(posted).toEqual(['2026-03-08T07:00:00.000Z 2026-03-08']);
  });

  it('America/New_York fall back: 01:30 happens twice on 2026-11-01 and runs once', async () => {
    const posted = await sweep('America/New_York', '01:30', '2026-11-01T04:05:00Z', '2026-11-02T04:55:00Z');
    expect(posted).toEqual(['2026-11-01T05:30:00.000Z 2026-11-01']);
  });
});

describe('delivery failures', () => {
  async function runWith(sender: MemorySender) {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    return { database, h, report };
  }

  it('deactivates the subscription of a target that is gone, without retrying, with a log line', async () => {
    const sender = createMemorySender('telegram', () => ({ status: 'gone', reason: 'bot was blocked by the user' }));
    const { database, h, report } = await runWith(sender);
    expect(report.items).toMatchObject([
      { outcome: 'gone', attempts: 1, reason: 'target gone: bot was blocked by the user' },
    ]);
    expect(sender.calls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.digests.status({ platform: 'telegram', targetId: '1001' })).toBeNull();
    expect(await h.digests.list()).toEqual([]);
    expect(allRuns(database.db)).toMatchObject([
      { status: 'failed', lastError: 'target gone: bot was blocked by the user' },
    ]);
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.msg?.includes('subscription deactivated'))).toBe(true);
    await h.runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender]);
    expect(sender.calls).toHaveLength(1);
  });

  it('retries a failing send with backoff, then marks the run failed with the reason', async () => {
    const sender = createMemorySender('telegram', () => {
      throw new PlatformError('telegram', 'network', 'Network request failed', { retryable: true });
    });
    const { database, h, report } = await runWith(sender);
    expect(sender.calls).toHaveLength(3);
    expect(h.sleeps).toEqual([2_000, 8_000]);
    expect(report.items).toMatchObject([{ outcome: 'failed', attempts: 3, reason: 'network: Network request failed' }]);
    expect(allRuns(database.db)).toMatchObject([
      { status: 'failed', attempts: 3, lastError: 'network: Network request failed' },
    ]);
    // A failed day is final: never resent.
    await h.runner.runDue(new Date('2026-01-10T09:00:00Z'), [sender]);
    expect(sender.calls).toHaveLength(3);
  });

  it("honours the platform's retry-after and succeeds on a later attempt", async () => {
    const sender = createMemorySender('telegram', (_call, n) => {
      if (n === 1)
        throw new PlatformError('telegram', 'rate_limited', 'Too Many Requests', {
          retryable: true,
          retryAfterMs: 3_000,
        });
      return { status: 'sent', messageId: '42' };
    });
    const { database, h, report } = await runWith(sender);
    expect(h.sleeps).toEqual([3_000]);
    expect(report.items).toMatchObject([{ outcome: 'sent', attempts: 2, messageIds: ['42'] }]);
    expect(allRuns(database.db)).toMatchObject([
      { status: 'sent', attempts: 2, messageIds: '["42"]', lastError: null },
    ]);
  });

  it('does not retry an error the platform marks as not retryable, and keeps tokens out of the reason', async () => {
    const sender = createMemorySender('telegram', () => {
      throw new Error('request to /bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms/sendMessage failed');
    });
    const once = createMemorySender('telegram', () => {
      throw new PlatformError('telegram', 'rejected', 'Bad Request: message is too long', { retryable: false });
    });
    const first = await runWith(sender);
    expect(first.report.items[0]?.reason).toBe('request to /bot[redacted]/sendMessage failed');
    const second = await runWith(once);
    expect(once.calls).toHaveLength(1);
    expect(second.report.items).toMatchObject([{ outcome: 'failed', attempts: 1 }]);
  });
});

describe('what is not sent', () => {
  it('leaves a run unclaimed when its platform has no sender here, and logs a warning', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    const discord = createMemorySender('discord');
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [discord]);
    expect(report.items).toMatchObject([{ outcome: 'no-sender', platform: 'telegram' }]);
    expect(allRuns(database.db)).toEqual([]);
    expect(h.logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);

    const telegram = createMemorySender('telegram');
    const later = await h.runner.runDue(new Date('2026-01-10T07:30:00Z'), [discord, telegram]);
    expect(later.items).toMatchObject([{ outcome: 'sent', late: true }]);
  });

  it('sends nothing to a target that unsubscribed', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription());
    expect(await h.digests.unsubscribe({ platform: 'telegram', targetId: '1001' })).toEqual({ removed: true });
    const sender = createMemorySender('telegram');
    expect((await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender])).items).toEqual([]);
    expect(sender.calls).toHaveLength(0);
  });

  it('starts no further digest once its signal is aborted', async () => {
    const database = open();
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription({ targetId: '1001' }));
    await h.digests.subscribe(subscription({ targetId: '1002' }));
    const controller = new AbortController();
    const sender = createMemorySender('telegram', (_call, n) => {
      controller.abort();
      return { status: 'sent', messageId: `m${n}` };
    });
    const report = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender], { signal: controller.signal });
    expect(report.items).toHaveLength(1);
    expect(sender.calls).toHaveLength(1);
  });
});
