import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { subscriptions } from '../../db/schema.ts';
import { createMemorySender } from '../fakes/memory-sender.ts';
import { allRuns, harness, subscription } from './digest-fixtures.ts';

let database: OpenedDatabase | undefined;
afterEach(() => database?.close());

function setup(at = '2026-01-10T06:00:00Z') {
  database = openDatabase(':memory:');
  return { db: database.db, ...harness(database.db, { at }) };
}

describe('DigestApi', () => {
  it('subscribes with a canonical zone and reports the next run', async () => {
    const { digests } = setup();
    const view = await digests.subscribe(
      subscription({ timezone: 'europe/berlin', topic: ' NATO ', createdBy: 'user:7' }),
    );
    expect(view).toMatchObject({
      platform: 'telegram',
      targetId: '1001',
      localTime: '08:00',
      timezone: 'Europe/Berlin',
      topic: 'NATO',
      active: true,
      createdAt: '2026-01-10T06:00:00.000Z',
      nextRunAt: '2026-01-10T07:00:00.000Z',
      lastRun: null,
    });
    expect(await digests.status({ platform: 'telegram', targetId: '1001' })).toEqual(view);
    expect(await digests.list()).toEqual([view]);
  });

  it("a subscription made after today's time starts tomorrow, unless the first digest is asked for today", async () => {
    const { digests, runner } = setup('2026-01-10T14:00:00Z'); // 15:00 in Berlin, after 08:00
    const view = await digests.subscribe(subscription({ timezone: 'Europe/Berlin' }));
    expect(view.nextRunAt).toBe('2026-01-11T07:00:00.000Z');
    const sender = createMemorySender('telegram');
    expect((await runner.runDue(new Date('2026-01-10T14:01:00Z'), [sender])).items).toEqual([]);
    expect((await runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender])).items).toMatchObject([
      { outcome: 'sent', localDate: '2026-01-11' },
    ]);
    const now = await digests.subscribe(
      subscription({ targetId: '1002', timezone: 'Europe/Berlin', firstToday: true }),
    );
    expect(now.nextRunAt).toBe('2026-01-10T14:00:00.000Z');
    expect((await runner.runDue(new Date('2026-01-10T14:01:00Z'), [sender])).items).toMatchObject([
      { outcome: 'sent', targetId: '1002', localDate: '2026-01-10' },
    ]);
  });

  it('defaults to UTC when no zone is given', async () => {
    const { digests } = setup();
    expect((await digests.subscribe(subscription({ timezone: '' }))).timezone).toBe('UTC');
  });

  it('replaces the target’s subscription in place, keeping one active per target and its run history', async () => {
    const { db, digests, runner } = setup();
    const first = await digests.subscribe(subscription());
    await runner.runDue(new Date('2026-01-10T07:00:00Z'), [createMemorySender('telegram')]);
    const second = await digests.subscribe(subscription({ localTime: '18:30', topic: 'sanctions' }));
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      localTime: '18:30',
      topic: 'sanctions',
      lastRun: { localDate: '2026-01-10', status: 'sent' },
    });
    // Today was already sent: the changed time does not post a second digest today.
    expect(second.nextRunAt).toBe('2026-01-11T17:30:00.000Z');
    expect(db.select().from(subscriptions).all()).toHaveLength(1);
    const sender = createMemorySender('telegram');
    await runner.runDue(new Date('2026-01-10T17:30:00Z'), [sender]);
    expect(sender.calls).toHaveLength(0);
    expect(allRuns(db)).toHaveLength(1);
  });

  it('unsubscribes, keeping the row for history', async () => {
    const { db, digests } = setup();
    await digests.subscribe(subscription());
    const first = await digests.status({ platform: 'telegram', targetId: '1001' });
    expect(await digests.unsubscribe({ platform: 'telegram', targetId: '1001' })).toEqual({ removed: true });
    expect(await digests.unsubscribe({ platform: 'telegram', targetId: '1001' })).toEqual({ removed: false });
    expect(await digests.status({ platform: 'telegram', targetId: '1001' })).toBeNull();
    expect(db.select().from(subscriptions).all()).toMatchObject([{ active: false, deactivatedReason: 'unsubscribed' }]);
    // Subscribing again revives the same row, so its run history still counts.
    const again = await digests.subscribe(subscription());
    expect(again.id).toBe(first?.id);
    expect(db.select().from(subscriptions).all()).toMatchObject([{ active: true, deactivatedReason: null }]);
  });

  it('unsubscribing and subscribing again on the same day does not post a second digest', async () => {
    const { db, digests, runner } = setup();
    await digests.subscribe(subscription());
    const first = createMemorySender('telegram');
    await runner.runDue(new Date('2026-01-10T07:00:00Z'), [first]);
    expect(first.calls).toHaveLength(1);
    await digests.unsubscribe({ platform: 'telegram', targetId: '1001' });
    await digests.subscribe(subscription({ localTime: '09:00' }));
    const second = createMemorySender('telegram');
    await runner.runDue(new Date('2026-01-10T08:30:00Z'), [second]);
    expect(second.calls).toHaveLength(0);
    expect(allRuns(db)).toHaveLength(1);
    // The next local day is posted as usual.
    await runner.runDue(new Date('2026-01-11T08:30:00Z'), [second]);
    expect(second.calls).toHaveLength(1);
  });

  it('rejects bad input with InputError and writes nothing', async () => {
    const { db, digests } = setup();
    await expect(digests.subscribe(subscription({ localTime: '25:00' }))).rejects.toThrow(InputError);
    await expect(digests.subscribe(subscription({ timezone: 'Mars/Olympus' }))).rejects.toThrow(
      'Unknown time zone "Mars/Olympus". Use an IANA zone such as Europe/Berlin.',
    );
    await expect(digests.subscribe(subscription({ platform: 'slack' as 'telegram' }))).rejects.toThrow(InputError);
    await expect(digests.status({ platform: 'discord', targetId: 'general' })).rejects.toThrow(InputError);
    expect(db.select().from(subscriptions).all()).toEqual([]);
  });
});
