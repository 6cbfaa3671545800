import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsAdmin } from '../../core/feeds/feeds-admin.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createFeedRepository } from '../../db/repositories/feed-repository.ts';
import { type ContractEnv, createContractEnv } from '../contract/contract-env.ts';
import { ADMIN, ALICE, privateChat, textUpdate } from '../fakes/telegram-updates.ts';
import { sentMessages, startTelegramRig, type TelegramRig, visibleText } from '../telegram/telegram-rig.ts';

const database = openDatabase(':memory:');
const store = createFeedRepository(database.db);
const clock = { now: () => new Date('2026-01-10T08:00:00Z') };
const admin = createFeedsAdmin({ store, admins: [`telegram:${ADMIN.id}`, 'discord:555'], clock });

describe('feeds admin (core)', () => {
  it('lets admins add, list and remove feeds and refuses everyone else', async () => {
    expect(await admin.add('discord:1', { url: 'https://example.com/feed' })).toEqual({
      ok: false,
      lines: ["Only the bot's administrators can manage feeds."],
    });
    expect(await store.listFeeds()).toEqual([]);
    const added = await admin.add('discord:555', { url: 'https://example.com/feed', every: '2h', outlet: 'Example' });
    expect(added.lines.join('\n')).toMatch(
      /^Feed added:\n#1 https:\/\/example\.com\/feed \(Example\) — every 2h; not polled yet$/,
    );
    expect((await admin.add('discord:555', { url: 'ftp://x/feed' })).lines[0]).toMatch(/http/);
    expect((await admin.list('discord:555')).lines).toHaveLength(1);
    expect(await admin.remove('discord:555', '#1')).toEqual({ ok: true, lines: ['Feed #1 removed.'] });
    expect((await admin.list('discord:555')).lines).toEqual(['No feeds yet.']);
  });
});

describe('/feeds on Telegram', () => {
  let env: ContractEnv;
  let rig: TelegramRig;
  beforeAll(async () => {
    env = await createContractEnv();
    rig = await startTelegramRig({ ...env.core, feeds: admin });
  });
  afterAll(async () => {
    await rig?.close();
    env?.close();
    database.close();
  });
  const texts = async (user: typeof ALICE, text: string) =>
    sentMessages(await rig.send(textUpdate(privateChat(user), user, text)))
      .map(visibleText)
      .join('\n');

  it('adds and lists feeds for an admin, and refuses other users', async () => {
    expect(await texts(ADMIN, '/feeds add https://news.example/rss.xml 45m Example News')).toMatch(
      /Feed added:\n#\d+ https:\/\/news\.example\/rss\.xml \(Example News\) — every 45m/,
    );
    expect(await texts(ADMIN, '/feeds')).toMatch(/news\.example\/rss\.xml/);
    expect(await texts(ALICE, '/feeds add https://evil.example/rss')).toBe(
      "Only the bot's administrators can manage feeds.",
    );
    expect(await texts(ALICE, '/feeds')).toBe("Only the bot's administrators can manage feeds.");
    expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://news.example/rss.xml']);
  });
});
