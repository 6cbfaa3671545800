import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordPlatform } from '../../adapters/discord/discord-platform.ts';
import { renderReply as renderDiscord } from '../../adapters/discord/render-discord.ts';
import { renderReply as renderTelegram } from '../../adapters/telegram/render-telegram.ts';
import { telegramPlatform } from '../../adapters/telegram/telegram-platform.ts';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { wireDigestRunner } from '../../bot/wire-digests.ts';
import { renderText } from '../../core/compose/build-reply.ts';
import { composeDigest, type DigestRequest } from '../../core/digest/digest-content.ts';

/** The footer each platform's adapter gives its digests. */
const unsubscribeHint = (platform: string) =>
  (platform === 'discord' ? discordPlatform() : telegramPlatform()).unsubscribeHint;

import { DISCORD_DIGEST_CHARS } from '../../adapters/discord/discord-platform.ts';
import { TELEGRAM_DIGEST_CHARS } from '../../adapters/telegram/telegram-platform.ts';
import { MAX_STORIES, NO_NEW_STORIES } from '../../core/digest/story-digest.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { createDigestRepository } from '../../db/repositories/digest-repository.ts';
import { createFeedRepository } from '../../db/repositories/feed-repository.ts';
import { createMemorySender } from '../fakes/memory-sender.ts';
import { allRuns, fakeClock, harness, stubAttache, subscription, tempDir } from './digest-fixtures.ts';

let database: OpenedDatabase;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  database = openDatabase(':memory:');
});
afterEach(() => {
  database.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

/** Stores a one-passage document (its first sentence is the lead) and, when given, its story. */
async function addDocument(id: string, outlet: string, title: string, text: string, story?: string): Promise<string> {
  const corpus = createCorpusRepository(database.db);
  await corpus.saveDocument(
    {
      id,
      title,
      outlet,
      author: null,
      publishedAt: '2026-01-10',
      url: `https://${outlet.toLowerCase().replace(/\W/g, '')}.example/${id}`,
      language: 'en',
      articleText: text,
      contentHash: `${id}:${text.length}:${text.slice(-12)}`,
      sourcePath: null,
    },
    [{ ordinal: 0, start: 0, end: text.length, text }],
  );
  if (story) {
    await createFeedRepository(database.db).saveStories([
      { documentId: id, storyId: story, canonicalUrl: null, signature: [], createdAt: new Date().toISOString() },
    ]);
  }
  await tick(); // distinct ingestedAt for the next document
  return (await corpus.getDocument(id))?.ingestedAt ?? '';
}

const WIRE = 'Envoys agreed on Monday to resume arms-control talks in Geneva. The talks had stalled in 2021.';

function request(overrides: Partial<DigestRequest['subscription']> = {}, lastCoveredUntil: string | null = null) {
  return async (): Promise<DigestRequest> => ({
    subscription: {
      platform: 'telegram',
      targetId: '1001',
      topic: null,
      includeKeywords: [],
      excludeKeywords: [],
      whenEmpty: 'notice',
      createdAt: new Date().toISOString(),
      ...overrides,
    },
    localDate: '2026-01-11',
    lastCoveredUntil,
    coveredUntil: await createDigestRepository(database.db).corpusWatermark(),
    at: new Date(),
    unsubscribeHint: unsubscribeHint(overrides.platform ?? 'telegram'),
    digestChars: overrides.platform === 'discord' ? DISCORD_DIGEST_CHARS : TELEGRAM_DIGEST_CHARS,
  });
}

const deps = (attache = stubAttache()) => ({ store: createDigestRepository(database.db), attache });

describe('digest of new stories', () => {
  it('lists each story once with all its outlets, each cited by its opening sentence', async () => {
    await addDocument('dw-1', 'DW', 'Talks to resume', WIRE, 'story-a');
    await addDocument(
      'reuters-1',
      'Reuters',
      'Arms talks to resume in Geneva',
      `${WIRE} Officials said so.`,
      'story-a',
    );
    await addDocument('trt-1', 'TRT World', 'Summit "postponed"', 'The summit was postponed. No date was set.');

    const { reply, nothingNew, stories } = await composeDigest(deps(), await request()());
    if (!reply) throw new Error('expected a digest');
    expect({ nothingNew, stories }).toEqual({ nothingNew: false, stories: 2 });
    expect(reply.title).toBe('Daily digest — Sunday, 11 January 2026 · 2 new stories');
    expect(reply.blocks.map((b) => b.text)).toEqual([
      'Talks to resume — 2 outlets: DW, Reuters [1][2]',
      'Summit postponed — TRT World [3]',
    ]);
    expect(reply.citations.map((c) => [c.documentId, c.outlet, c.quote])).toEqual([
      ['dw-1', 'DW', 'Envoys agreed on Monday to resume arms-control talks in Geneva.'],
      ['reuters-1', 'Reuters', 'Envoys agreed on Monday to resume arms-control talks in Geneva.'],
      ['trt-1', 'TRT World', 'The summit was postponed.'],
    ]);
    for (const c of reply.citations) {
      const document = await createCorpusRepository(database.db).getDocument(c.documentId);
      expect(document?.articleText).toContain(c.quote);
      expect(c.passageId).toBe(`${c.documentId}:0`);
    }
    expect(reply.note).toBe(unsubscribeHint('telegram'));
    expect(reply.text).toBe(renderText(reply));
  });

  it('shows only stories added since the last digest, but names every outlet of such a story', async () => {
    await addDocument('dw-1', 'DW', 'Talks to resume', WIRE, 'story-a');
    const covered = await addDocument('old', 'AP', 'Old news', 'Something happened last week.');
    await addDocument('reuters-1', 'Reuters', 'Arms talks', `${WIRE} More.`, 'story-a');
    await addDocument('new', 'AFP', 'Fresh news', 'Something happened today.');

    const { reply } = await composeDigest(deps(), await request({}, covered)());
    expect(reply?.blocks.map((b) => b.text)).toEqual([
      'Talks to resume — 2 outlets: DW, Reuters [1][2]',
      'Fresh news — AFP [3]',
    ]);
  });

  it('starts a first digest a day before the subscription, however late its first run is', async () => {
    await addDocument('a', 'DW', 'Geneva', WIRE);
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    const first = async (createdAt: Date) => {
      const base = await request({ createdAt: createdAt.toISOString() })();
      return (await composeDigest(deps(), { ...base, at: days(3) })).stories;
    };
    expect(await first(new Date())).toBe(1);
    expect(await first(days(2))).toBe(0);
  });

  it('does not show an article again when it is edited after the last digest', async () => {
    await addDocument('dw-1', 'DW', 'Talks to resume', WIRE, 'story-a');
    const covered = await createDigestRepository(database.db).corpusWatermark();
    await addDocument('dw-1', 'DW', 'Talks to resume (updated)', `${WIRE} Updated at noon.`, 'story-a');
    expect(await createDigestRepository(database.db).corpusWatermark()).not.toBe(covered);

    const { reply, nothingNew } = await composeDigest(deps(), await request({}, covered)());
    expect(nothingNew).toBe(true);
    expect(reply?.blocks).toEqual([]);
    expect(reply?.title).toBe('Daily digest — Sunday, 11 January 2026');
    expect(reply?.reason).toBe(NO_NEW_STORIES);
    expect(reply?.note).toBe(unsubscribeHint('telegram'));
    if (!reply) throw new Error('expected a notice');
    expect(reply.text).toBe(renderText(reply));
    expect(renderTelegram(reply)).toEqual([
      `<b>Daily digest — Sunday, 11 January 2026</b>\n\n${NO_NEW_STORIES}\n\n<i>${unsubscribeHint('telegram')}</i>`,
    ]);
  });

  it('keeps stories with an include keyword or phrase and drops those with an exclude one (whole words, any case)', async () => {
    await addDocument('a', 'DW', 'Geneva', WIRE, 'story-a');
    await addDocument('b', 'AP', 'Football', 'The Geneva derby ended in a draw. Fans celebrated.');
    await addDocument('c', 'AFP', 'Armistice', 'An armistice was signed. Arms were laid down.');

    const pick = async (include: string[], exclude: string[]) =>
      (
        await composeDigest(deps(), await request({ includeKeywords: include, excludeKeywords: exclude })())
      ).reply?.citations
        .map((c) => c.documentId)
        .sort() ?? [];
    expect(await pick(['arms control'], [])).toEqual(['a']);
    expect(await pick(['geneva'], [])).toEqual(['a', 'b']);
    expect(await pick(['geneva'], ['derby'])).toEqual(['a']);
    expect(await pick([], ['geneva'])).toEqual(['c']);
    expect(await pick(['arm'], [])).toEqual([]);
  });

  it('keeps only stories matching the topic (core search decides which documents match)', async () => {
    await addDocument('a', 'DW', 'Geneva', WIRE, 'story-a');
    await addDocument('a2', 'Reuters', 'Geneva too', `${WIRE} Copy.`, 'story-a');
    await addDocument('b', 'AP', 'Football', 'The derby ended in a draw.');
    const attache = stubAttache((topic) => (topic === 'talks' ? ['a2'] : []));
    const { reply } = await composeDigest(deps(attache), await request({ topic: 'talks' })());
    expect(attache.calls).toEqual(['talks']);
    expect(reply?.blocks.map((b) => b.text)).toEqual(['Geneva — 2 outlets: DW, Reuters [1][2]']);
  });

  it('posts nothing when nothing is new and the subscription chose silence', async () => {
    const composed = await composeDigest(deps(), await request({ whenEmpty: 'silent' })());
    expect(composed).toEqual({ reply: null, nothingNew: true, stories: 0 });
  });

  it('stays within each platform’s length: the most reported stories first, then “and N more”', async () => {
    for (let i = 0; i < 30; i++) {
      const text = `Story number ${i} happened in the capital of a faraway country with a long name. Details followed.`;
      await addDocument(
        `s${i}`,
        `Outlet ${i}`,
        `A fairly long headline about story number ${i} and what it means`,
        text,
      );
    }
    await addDocument('s7-copy', 'Second Outlet', 'Copy', 'Story number 7 happened again.');
    await createFeedRepository(database.db).saveStories([
      { documentId: 's7', storyId: 's7', canonicalUrl: null, signature: [], createdAt: '2026-01-10T00:00:00Z' },
      { documentId: 's7-copy', storyId: 's7', canonicalUrl: null, signature: [], createdAt: '2026-01-10T00:00:00Z' },
    ]);
    for (const platform of ['telegram', 'discord'] as const) {
      const { reply, stories } = await composeDigest(deps(), await request({ platform })());
      if (!reply) throw new Error('expected a digest');
      expect(stories).toBe(30);
      expect(reply.title).toContain('30 new stories');
      expect(reply.blocks.length).toBeLessThanOrEqual(MAX_STORIES);
      expect(reply.blocks[0]?.text).toMatch(/^A fairly long headline about story number 7 .* — 2 outlets/);
      expect(reply.note).toContain(`…and ${30 - reply.blocks.length} more new stories not shown here.`);
      expect(reply.blocks.map((b) => b.text).join('\n').length).toBeLessThan(
        platform === 'discord' ? DISCORD_DIGEST_CHARS : TELEGRAM_DIGEST_CHARS,
      );
      if (platform === 'telegram') expect(renderTelegram(reply)).toHaveLength(1);
      else expect(renderDiscord(reply)).toHaveLength(1);
    }
  });

  it('settles a silent day without posting, and still posts at most once a day', async () => {
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z' });
    await h.digests.subscribe(subscription({ whenEmpty: 'silent', includeKeywords: 'geneva' }));
    const sender = createMemorySender('telegram');
    const day1 = await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    expect(day1.items).toMatchObject([{ outcome: 'quiet', nothingNew: true, attempts: 0 }]);
    expect(await h.runner.runDue(new Date('2026-01-10T07:05:00Z'), [sender])).toMatchObject({ items: [] });
    expect(sender.calls).toHaveLength(0);

    await addDocument('a', 'DW', 'Geneva', WIRE);
    await addDocument('b', 'AP', 'Football', 'The derby ended in a draw.');
    const day2 = await h.runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender]);
    expect(day2.items).toMatchObject([{ outcome: 'sent', stories: 1, nothingNew: false }]);
    await h.runner.runDue(new Date('2026-01-11T07:01:00Z'), [sender]);
    expect(sender.delivered.map((d) => d.reply.citations.map((c) => c.documentId))).toEqual([['a']]);
    expect(allRuns(database.db).map((r) => [r.localDate, r.status, r.messageIds])).toEqual([
      ['2026-01-10', 'sent', '[]'],
      ['2026-01-11', 'sent', '["m1"]'],
    ]);

    const day3 = await h.runner.runDue(new Date('2026-01-12T07:00:00Z'), [sender]);
    expect(day3.items).toMatchObject([{ outcome: 'quiet' }]);
  });

  it('delivers the seed stories, each cited, from a real app', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const config = loadConfig({
      DATABASE_PATH: join(dir.dir, 'app.db'),
      SEEDS_DIR: new URL('../../seeds', import.meta.url).pathname,
      ENGINE: 'extractive',
    });
    const app: App = await createApp(config, silentLogger, fakeClock('2022-01-10T05:00:00Z'));
    cleanups.push(() => app.close());
    await app.digests.subscribe(subscription({ timezone: 'Europe/Moscow', localTime: '09:00', topic: 'Ryabkov' }));
    const sender = createMemorySender('telegram');
    const report = await wireDigestRunner(app, silentLogger).runDue(new Date('2022-01-10T06:00:00Z'), [sender]);

    expect(report.items).toMatchObject([{ outcome: 'sent', localDate: '2022-01-10' }]);
    const digest = sender.delivered[0]?.reply;
    if (!digest) throw new Error('no digest');
    const documents = new Map((await app.attache.sources()).map((d) => [d.id, d]));
    expect(digest.blocks.length).toBeGreaterThan(0);
    const onTopic = new Set((await app.attache.search('Ryabkov', 1000)).passages.map((p) => p.documentId));
    expect(digest.citations.every((c) => onTopic.has(c.documentId))).toBe(true);
    for (const block of digest.blocks) expect(block.citations.length).toBeGreaterThan(0);
    for (const c of digest.citations) {
      const stored = await app.storage.corpus.getDocument(c.documentId);
      expect(stored?.articleText).toContain(c.quote);
      expect(c.outlet).toBe(documents.get(c.documentId)?.outlet ?? null);
    }
    // The footer is the sender's platform's own wording.
    expect(digest.note?.endsWith(sender.unsubscribeHint)).toBe(true);
  });
});
