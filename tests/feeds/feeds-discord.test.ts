import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsAdmin } from '../../core/feeds/feeds-admin.ts';
import { admin, type DiscordHarness, member, messageBody, startHarness } from '../discord/discord-harness.ts';
import { type CommandOption, chatInput, str } from '../fakes/discord-interactions.ts';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startHarness({
    core: (app, logger) => ({
      attache: app.attache,
      digests: app.digests,
      logger,
      feeds: createFeedsAdmin({
        store: app.storage.feeds,
        admins: [`discord:${admin.userId}`],
        clock: app.clock,
      }),
    }),
  });
});
afterAll(async () => {
  await h.close();
});

const sub = (name: string, options: CommandOption[] = []): CommandOption[] => [{ name, type: 1, options }];

async function feeds(actor: typeof admin, options: CommandOption[]): Promise<string> {
  const callback = await h.send(chatInput(h.fake.applicationId, actor, 'feeds', options));
  // Ephemeral (flags 64), no mentions.
  expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  return messageBody(callback).content ?? '';
}

describe('/feeds on Discord', () => {
  it('lets a BOT_ADMINS user add, list and remove feeds, and refuses other members', async () => {
    const store = h.app.storage.feeds;
    expect(await feeds(member, sub('add', [str('url', 'https://evil.example/rss')]))).toBe(
      "Only the bot's administrators can manage feeds.",
    );
    expect(await store.listFeeds()).toEqual([]);
    const added = await feeds(
      admin,
      sub('add', [str('url', 'https://news.example/rss'), str('every', '1h'), str('outlet', 'NE')]),
    );
    expect(added).toMatch(/^Feed added:\n#1 https:\/\/news\.example\/rss \(NE\) — every 1h/);
    expect(await feeds(admin, sub('list'))).toMatch(/^#1 https:\/\/news\.example\/rss/);
    expect(await feeds(admin, sub('remove', [str('feed', '1')]))).toBe('Feed 1 removed.');
    expect(await store.listFeeds()).toEqual([]);
  });
});
