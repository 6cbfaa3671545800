/**
 * An article edited after ingest: updated in place under the same id, never new again, and a reply that cited the
 * earlier version still shows its verbatim quote, marked as from before the edit, when its sources are shown again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderCitations } from '../../adapters/telegram/render-telegram.ts';
import { createSafeFetcher } from '../../adapters/web/safe-fetch.ts';
import { createAttache } from '../../core/attache.ts';
import { createExtractiveEngine } from '../../core/engines/extractive/extractive-engine.ts';
import { createFeedPoller } from '../../core/feeds/feed-poller.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { openStorage, type Storage } from '../../db/open-storage.ts';
import { type NewsSite, rssFeed, startNewsSite } from '../fakes/news-site.ts';
import { type CorpusPage, readCorpusPages, wrapInSite } from '../fakes/site-page.ts';

let site: NewsSite;
let storage: Storage;
let clock: Date;

beforeEach(async () => {
  site = await startNewsSite();
  storage = await openStorage({ path: ':memory:' });
  clock = new Date('2026-01-10T08:00:00Z');
});
afterEach(async () => {
  await storage.close();
  await site.close();
});

const poll = () =>
  createFeedPoller({
    corpus: storage.corpus,
    feeds: storage.feeds,
    fetcher: createSafeFetcher({ allowPrivate: true, timeoutMs: 2_000 }),
    logger: silentLogger,
    now: () => clock,
    owner: 'p1',
    random: () => 0.5,
  }).pollDue();

describe('an article edited after ingest', () => {
  it('is updated in place, and earlier replies keep their verbatim quotes, marked as edited since', async () => {
    const source = readCorpusPages().find((p) => p.file === 'karabakh-04.txt') as CorpusPage;
    const publish = (lines: string[], description: string) => {
      site.set('/a/k', { contentType: 'text/html', body: wrapInSite(source, { url: site.url('/a/k'), lines }) });
      const item = { guid: 'k', title: 'Karabakh', link: site.url('/a/k'), description };
      site.set('/feed.xml', { contentType: 'application/rss+xml', body: rssFeed('K', [item]) });
    };
    publish(source.lines, 'First.');
    await storage.feeds.addFeed({ url: site.url('/feed.xml'), outlet: null, everyMinutes: 30 }, clock);
    await poll();
    const [document] = await storage.corpus.listDocuments();
    if (!document) throw new Error('nothing ingested');

    const engine = createExtractiveEngine();
    const attache = createAttache({
      corpus: storage.corpus,
      conversations: storage.conversations,
      engine,
      fallbackEngine: engine,
      clock: { now: () => clock },
      logger: silentLogger,
    });
    const reply = await attache.brief({ conversation: 'console:reader' });
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(await attache.lastCitations({ conversation: 'console:reader' })).toEqual(reply.citations);

    // The outlet rewrites every sentence with "the" and adds a correction.
    const rewritten = source.lines.map((line) => line.replaceAll(' the ', ' this '));
    publish([...rewritten, 'Correction: an earlier version misstated a figure.'], 'Corrected.');
    clock = new Date(clock.getTime() + 31 * 60_000);
    const [report] = await poll();
    expect(report).toMatchObject({ newItems: 0, editedItems: 1, documents: { inserted: 0, updated: 1 } });
    const after = await storage.corpus.listDocuments();
    expect(after.map((d) => d.id)).toEqual([document.id]);
    const stored = (await storage.corpus.getDocument(document.id))?.articleText ?? '';
    expect(stored).toContain('Correction: an earlier version misstated a figure.');

    const again = await attache.lastCitations({ conversation: 'console:reader' });
    // The quotes are the ones first shown, verbatim; those the edit changed say so.
    expect(again.map((c) => c.quote)).toEqual(reply.citations.map((c) => c.quote));
    const squash = (text: string) => text.replace(/\s+/g, ' ');
    for (const c of again) {
      expect(c.removed).toBeUndefined();
      expect(c.edited === true).toBe(!squash(stored).includes(squash(c.quote)));
    }
    expect(again.some((c) => c.edited)).toBe(true);
    // The Sources button shows each quote, and which ones are from before the edit.
    const shown = renderCitations(again).join('\n');
    expect(shown).toContain('(article edited since; quoted as cited)');
    const edited = again.find((c) => c.edited);
    expect(shown).toContain((edited?.quote ?? '').slice(0, 40));

    // Not new: a digest after the edit covers nothing of it.
    const until = (await storage.digests.corpusWatermark()) ?? '';
    expect(until > document.ingestedAt).toBe(true);
    expect(await storage.digests.storiesAddedBetween(document.ingestedAt, until, 10)).toEqual([]);
  });
});
