import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_UNSUBSCRIBE_HINT } from '../../adapters/discord/discord-sender.ts';
import { TELEGRAM_UNSUBSCRIBE_HINT } from '../../adapters/telegram/telegram-sender.ts';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { wireDigestRunner } from '../../bot/wire-digests.ts';
import { renderText } from '../../core/compose/build-reply.ts';
import { composeDigest, decorateDigest, NOTHING_NEW_NOTE } from '../../core/digest/digest-content.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { createMemorySender } from '../fakes/memory-sender.ts';
import { allRuns, fakeClock, harness, stubAttache, subscription, tempDir } from './digest-fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('digest content', () => {
  it('heads the briefing with the local date and ends with how to unsubscribe, keeping blocks and citations', async () => {
    const attache = stubAttache();
    const { reply, nothingNew } = await composeDigest(attache, {
      platform: 'telegram',
      targetId: '1001',
      unsubscribeHint: TELEGRAM_UNSUBSCRIBE_HINT,
      topic: 'NATO',
      localDate: '2022-01-10',
      lastCoveredUntil: null,
    });
    const plain = await stubAttache().brief({ conversation: 'x' });
    expect(nothingNew).toBe(false);
    expect(attache.calls).toEqual([{ conversation: 'digest:telegram:1001', topic: 'NATO' }]);
    expect(reply.title).toBe('Daily digest — Monday, 10 January 2022 · Latest briefing');
    expect(reply.note).toBe('To stop these digests, send /unsubscribe.');
    expect(reply.blocks).toEqual(plain.blocks);
    expect(reply.citations).toEqual(plain.citations);
    expect(reply.text).toBe(renderText(reply));
    expect(reply.text.startsWith(`${reply.title}\n\n• ${plain.blocks[0]?.text}\n• ${plain.blocks[1]?.text}\n\n`)).toBe(
      true,
    );
    expect(reply.text.endsWith(TELEGRAM_UNSUBSCRIBE_HINT)).toBe(true);
  });

  it('briefs on what is new since the last digest', async () => {
    const attache = stubAttache(() => true);
    const { reply, nothingNew } = await composeDigest(attache, {
      platform: 'discord',
      targetId: '123456789012345678',
      unsubscribeHint: DISCORD_UNSUBSCRIBE_HINT,
      topic: null,
      localDate: '2026-01-11',
      lastCoveredUntil: '2026-01-10T07:00:00.000Z',
    });
    expect(nothingNew).toBe(false);
    expect(attache.calls).toEqual([
      { conversation: 'digest:discord:123456789012345678', ingestedAfter: '2026-01-10T07:00:00.000Z' },
    ]);
    expect(reply.title).toBe('Daily digest — Sunday, 11 January 2026 · New reporting');
    expect(reply.note).toBe('To stop these digests, use /digest unsubscribe.');
  });

  it('says so and gives the latest briefing when nothing is new', async () => {
    const attache = stubAttache(() => false);
    const { reply, nothingNew } = await composeDigest(attache, {
      platform: 'telegram',
      targetId: '1001',
      unsubscribeHint: TELEGRAM_UNSUBSCRIBE_HINT,
      topic: null,
      localDate: '2026-01-11',
      lastCoveredUntil: '2026-01-10T07:00:00.000Z',
    });
    expect(nothingNew).toBe(true);
    expect(attache.calls.map((c) => c.ingestedAfter)).toEqual(['2026-01-10T07:00:00.000Z', undefined]);
    expect(reply.status).toBe('answered');
    expect(reply.citations).toHaveLength(2);
    expect(reply.note?.split('\n')).toEqual([NOTHING_NEW_NOTE, TELEGRAM_UNSUBSCRIBE_HINT]);
    expect(reply.text).toContain(NOTHING_NEW_NOTE);
  });

  it("keeps the engine's own note", () => {
    const base = { ...stubAttacheReply(), note: 'Answered by the offline engine.' };
    const digest = decorateDigest(base, {
      localDate: '2026-01-11',
      unsubscribeHint: DISCORD_UNSUBSCRIBE_HINT,
      nothingNew: false,
    });
    expect(digest.note).toBe('Answered by the offline engine.\nTo stop these digests, use /digest unsubscribe.');
  });

  it('tracks what each digest covered, so the next one asks only for newer documents', async () => {
    const database = openDatabase(':memory:');
    cleanups.push(() => database.close());
    const corpus = createCorpusRepository(database.db);
    const addDocument = (id: string) =>
      corpus.saveDocument(
        {
          id,
          title: id,
          outlet: 'Test',
          author: null,
          publishedAt: '2022-01-10',
          url: null,
          language: 'en',
          articleText: `Talks about ${id}.`,
          contentHash: id,
          sourcePath: null,
        },
        [{ ordinal: 0, start: 0, end: `Talks about ${id}.`.length, text: `Talks about ${id}.` }],
      );
    await addDocument('first');
    const newest = async () =>
      (await corpus.listDocuments())
        .map((d) => d.ingestedAt)
        .sort()
        .at(-1) ?? '';
    const attache = stubAttache(async (after) => (await newest()) > after);
    const h = harness(database.db, { at: '2026-01-10T06:00:00Z', attache });
    await h.digests.subscribe(subscription());
    const sender = createMemorySender('telegram');

    await h.runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender]);
    const coveredDay1 = allRuns(database.db)[0]?.coveredUntil;
    expect(coveredDay1).toBe(await newest());
    await h.runner.runDue(new Date('2026-01-11T07:00:00Z'), [sender]);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later ingestedAt for the new document
    await addDocument('second');
    await h.runner.runDue(new Date('2026-01-12T07:00:00Z'), [sender]);

    expect(attache.calls.map((c) => c.ingestedAfter)).toEqual([undefined, coveredDay1, undefined, coveredDay1]);
    expect(sender.delivered.map((c) => c.reply.note?.includes(NOTHING_NEW_NOTE))).toEqual([false, true, false]);
    expect(sender.delivered.map((c) => c.reply.title)).toEqual([
      'Daily digest — Saturday, 10 January 2026 · Latest briefing',
      'Daily digest — Sunday, 11 January 2026 · Latest briefing',
      'Daily digest — Monday, 12 January 2026 · New reporting',
    ]);
  });

  it('delivers a cited briefing from the real engine over the seed corpus', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const config = loadConfig({
      DATABASE_PATH: join(dir.dir, 'app.db'),
      SEEDS_DIR: new URL('../../seeds', import.meta.url).pathname,
      ENGINE: 'extractive',
    });
    const app: App = await createApp(config, silentLogger, fakeClock('2022-01-10T05:00:00Z'));
    cleanups.push(() => app.close());
    await app.digests.subscribe(subscription({ timezone: 'Europe/Moscow', localTime: '09:00' }));
    const sender = createMemorySender('telegram');
    const report = await wireDigestRunner(app, silentLogger).runDue(new Date('2022-01-10T06:00:00Z'), [sender]);

    expect(report.items).toMatchObject([{ outcome: 'sent', localDate: '2022-01-10' }]);
    const digest = sender.delivered[0]?.reply;
    const plain = await app.attache.brief({ conversation: 'console:compare' });
    expect(digest?.title).toBe(`Daily digest — Monday, 10 January 2022 · ${plain.title}`);
    expect(digest?.citations.length).toBeGreaterThan(0);
    expect(digest?.citations).toEqual(plain.citations);
    expect(digest?.blocks).toEqual(plain.blocks);
    for (const block of digest?.blocks ?? []) expect(block.citations.length).toBeGreaterThan(0);
    // The footer is the sender's platform's own wording.
    expect(digest?.note?.endsWith(sender.unsubscribeHint)).toBe(true);
    expect(digest?.text.startsWith(`${digest.title}\n\n• `)).toBe(true);
    expect(digest?.text.endsWith(`\n\n${digest.note}`)).toBe(true);
  });
});

function stubAttacheReply() {
  return {
    kind: 'briefing' as const,
    status: 'answered' as const,
    title: 'Talks',
    text: 'Talks',
    blocks: [{ text: 'Talks opened. [1]', citations: [1] }],
    citations: [],
    engine: 'extractive' as const,
    asOf: null,
  };
}
