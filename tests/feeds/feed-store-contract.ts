/**
 * The feed store contract, run against every store (SQLite, PostgreSQL) through the real poller and a
 * loopback news site: each test gets a fresh database, and `open` gives a new connection to it (a restart,
 * or a second process).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../adapters/web/safe-fetch.ts';
import { createFeedPoller } from '../../core/feeds/feed-poller.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { Storage } from '../../db/open-storage.ts';
import {
  atomFeed,
  type FakeItem,
  jsonFeed,
  type NewsSite,
  rdfFeed,
  rssFeed,
  startNewsSite,
} from '../fakes/news-site.ts';
import { type CorpusPage, readCorpusPages, wrapInSite } from '../fakes/site-page.ts';

const pages = readCorpusPages();
const page = (file: string): CorpusPage => pages.find((p) => p.file === file) as CorpusPage;

/** A fresh, empty database for one test: `open` connects to it (again), `drop` removes it. */
export interface FeedTestDatabase {
  open(): Promise<Storage>;
  drop(): Promise<void>;
}

export function runFeedStoreContract(name: string, fresh: () => Promise<FeedTestDatabase>): void {
  let site: NewsSite;
  let database: FeedTestDatabase;
  const opened: Storage[] = [];
  let clock: Date;

  async function open(): Promise<Storage> {
    const storage = await database.open();
    opened.push(storage);
    return storage;
  }

  function poller(storage: Storage, owner = 'p1', options: { timeoutMs?: number; maxBytes?: number } = {}) {
    return createFeedPoller({
      corpus: storage.corpus,
      feeds: storage.feeds,
      fetcher: createSafeFetcher({
        allowPrivate: true,
        timeoutMs: options.timeoutMs ?? 2_000,
        maxBytes: options.maxBytes,
      }),
      logger: silentLogger,
      now: () => clock,
      owner,
      random: () => 0.5,
    });
  }

  /** Publishes a corpus page as an article at `path` and returns its feed item. */
  function publish(path: string, source: CorpusPage, options: { guid?: string; lines?: string[] } = {}): FakeItem {
    site.set(path, {
      contentType: 'text/html; charset=utf-8',
      body: wrapInSite(source, { url: site.url(path), lines: options.lines }),
    });
    return {
      guid: options.guid ?? path,
      title: source.lines[0] ?? path,
      link: site.url(path),
      description: 'Summary.',
    };
  }

  /** Closes a connection before the test ends (a restart). */
  async function close(storage: Storage): Promise<void> {
    opened.splice(opened.indexOf(storage), 1);
    await storage.close();
  }

  beforeEach(async () => {
    site = await startNewsSite();
    database = await fresh();
    clock = new Date('2026-01-10T08:00:00Z');
  });

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await site.close();
    await database.drop();
  });

  describe(`feed store contract: ${name}`, () => {
    it('ingests new items as articles with page metadata, then sends validators and gets 304', async () => {
      const database = await open();
      const store = database.feeds;
      const items = [publish('/a/grain', page('grain-deal-03.txt')), publish('/a/bali', page('bali-05.txt'))];
      site.set('/feed.xml', { contentType: 'application/rss+xml', etag: '"v1"', body: rssFeed('Wire', items) });
      await store.addFeed({ url: site.url('/feed.xml'), outlet: null, everyMinutes: 30 }, clock);

      const [first] = await poller(database).pollDue();
      expect(first).toMatchObject({ status: 'updated', newItems: 2, documents: { inserted: 2 } });
      const corpus = database.corpus;
      const docs = await corpus.listDocuments();
      expect(docs).toHaveLength(2);
      const bali = docs.find((d) => d.url?.endsWith('/a/bali'));
      expect(bali).toMatchObject({ outlet: page('bali-05.txt').outlet, publishedAt: '2022-11-14', language: 'en' });
      const record = await corpus.getDocument(bali?.id ?? '');
      expect(record?.articleText).toContain('President Joe Biden said on Monday he and his Chinese counterpart');
      expect(record?.articleText).not.toContain('We use cookies');
      expect(record?.articleText).not.toContain('Most read');
      // Every passage is an exact span of the stored article text.
      const passages = (await corpus.listPassages()).filter((p) => p.documentId === bali?.id);
      expect(passages.length).toBeGreaterThan(1);
      for (const p of passages) expect(record?.articleText.slice(p.start, p.end)).toBe(p.text);

      // Not due yet: nothing is fetched.
      expect(await poller(database).pollDue()).toEqual([]);
      clock = new Date(clock.getTime() + 31 * 60_000);
      const [second] = await poller(database).pollDue();
      expect(second?.status).toBe('not_modified');
      expect(site.hits('/feed.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
      expect(site.hits('/a/bali')).toHaveLength(1);
    });

    it('reads RSS, Atom, RDF and JSON Feed', async () => {
      const database = await open();
      const store = database.feeds;
      const formats = { '/rss': rssFeed, '/atom': atomFeed, '/rdf': rdfFeed, '/json': jsonFeed };
      const files = ['vilnius-01.txt', 'wagner-02.txt', 'niger-03.txt', 'brics-04.txt'];
      let n = 0;
      for (const [path, build] of Object.entries(formats)) {
        const item = publish(`/art${path}`, page(files[n++] as string));
        site.set(path, {
          contentType: path === '/json' ? 'application/feed+json' : 'application/xml',
          body: build('F', [item]),
        });
        await store.addFeed({ url: site.url(path), outlet: null, everyMinutes: 30 }, clock);
      }
      const reports = await poller(database).pollDue();
      expect(reports.map((r) => [r.url.split('/').at(-1), r.status, r.documents.inserted])).toEqual([
        ['rss', 'updated', 1],
        ['atom', 'updated', 1],
        ['rdf', 'updated', 1],
        ['json', 'updated', 1],
      ]);
    });

    it('records each failure on its feed, backs off, and keeps polling the others', async () => {
      const database = await open();
      const store = database.feeds;
      const good = publish('/a/good', page('ohrid-02.txt'));
      site.set('/good.xml', { contentType: 'application/rss+xml', body: rssFeed('Good', [good]) });
      site.set('/500.xml', { status: 500, contentType: 'text/plain', body: 'oops' });
      site.set('/slow.xml', { behaviour: 'hang' });
      site.set('/huge.xml', { behaviour: 'huge' });
      site.set('/loop1', { status: 302, location: '/loop2' });
      site.set('/loop2', { status: 302, location: '/loop1' });
      site.set('/bad.xml', { contentType: 'application/rss+xml', body: '<rss><channel><item><title>x</ti' });
      site.set('/html', { contentType: 'text/html', body: '<html><body>not a feed</body></html>' });
      site.set('/charset.xml', {
        contentType: 'application/rss+xml; charset=utf-8',
        body: Buffer.from([0x3c, 0x72, 0xff, 0xfe, 0x3e]),
      });
      const urls = [
        '/missing.xml',
        '/500.xml',
        '/slow.xml',
        '/huge.xml',
        '/loop1',
        '/bad.xml',
        '/html',
        '/charset.xml',
        '/good.xml',
      ];
      for (const path of urls) await store.addFeed({ url: site.url(path), outlet: null, everyMinutes: 30 }, clock);

      const reports = await poller(database, 'p1', { timeoutMs: 500, maxBytes: 1024 * 1024 }).pollDue();
      const byPath = new Map(reports.map((r) => [new URL(r.url).pathname, r]));
      expect(byPath.get('/good.xml')).toMatchObject({ status: 'updated', documents: { inserted: 1 } });
      expect(byPath.get('/missing.xml')?.error).toBe('HTTP 404');
      expect(byPath.get('/500.xml')?.error).toBe('HTTP 500');
      expect(byPath.get('/slow.xml')?.error).toMatch(/did not answer in 500 ms/);
      expect(byPath.get('/huge.xml')?.error).toMatch(/larger than the size cap/);
      expect(byPath.get('/loop1')?.error).toMatch(/redirected more than 5 times/);
      expect(byPath.get('/bad.xml')?.error).toMatch(/not a readable feed/);
      expect(byPath.get('/html')?.error).toMatch(/text\/html, not a feed/);
      expect(byPath.get('/charset.xml')?.error).toMatch(/not valid utf-8/);
      expect(site.hits('/loop1')).toHaveLength(3);

      const listed = await store.listFeeds();
      const failing = listed.find((f) => f.url.endsWith('/500.xml'));
      expect(failing).toMatchObject({ failures: 1, lastError: 'HTTP 500' });
      // Backoff after one failure: half to all of the interval (jitter 0.5 → 75%).
      expect(Date.parse(failing?.nextPollAt ?? '') - clock.getTime()).toBe(22.5 * 60_000);
      clock = new Date(clock.getTime() + 23 * 60_000);
      await poller(database, 'p1', { timeoutMs: 500, maxBytes: 1024 * 1024 }).pollDue();
      const again = (await store.listFeeds()).find((f) => f.url.endsWith('/500.xml'));
      expect(again?.failures).toBe(2);
      expect(Date.parse(again?.nextPollAt ?? '') - clock.getTime()).toBe(45 * 60_000);
    });

    it('tries an item again when neither its page nor the feed gave text', async () => {
      const database = await open();
      const store = database.feeds;
      const item = { guid: 'late', title: 'Late page', link: site.url('/a/late') };
      site.set('/feed.xml', { contentType: 'application/rss+xml', body: rssFeed('L', [item]) });
      await store.addFeed({ url: site.url('/feed.xml'), outlet: null, everyMinutes: 30 }, clock);
      const [first] = await poller(database).pollDue();
      expect(first).toMatchObject({ status: 'updated', newItems: 1, failedItems: 1, documents: { inserted: 0 } });
      publish('/a/late', page('wagner-05.txt'));
      clock = new Date(clock.getTime() + 31 * 60_000);
      const [second] = await poller(database).pollDue();
      expect(second).toMatchObject({ newItems: 1, failedItems: 0, documents: { inserted: 1 } });
    });

    it('decodes a Latin-1 feed', async () => {
      const database = await open();
      const store = database.feeds;
      const body = Buffer.from(
        rssFeed(
          'Le Monde diplomatique',
          [
            {
              guid: 'l1',
              title: 'Négociations à Genève',
              link: site.url('/none'),
              description: 'Les délégués se sont réunis à Genève.',
            },
          ],
          'ISO-8859-1',
        ),
        'latin1',
      );
      site.set('/latin1.xml', { contentType: 'application/rss+xml', body });
      await store.addFeed({ url: site.url('/latin1.xml'), outlet: 'LMD', everyMinutes: 30 }, clock);
      const [report] = await poller(database).pollDue();
      // The page is missing (404), so the item's own text is stored, decoded from Latin-1.
      expect(report).toMatchObject({ status: 'updated', documents: { inserted: 1 } });
      const [doc] = await database.corpus.listDocuments();
      expect(doc).toMatchObject({ title: 'Négociations à Genève', outlet: 'LMD' });
      expect((await database.corpus.getDocument(doc?.id ?? ''))?.articleText).toBe(
        'Les délégués se sont réunis à Genève.',
      );
    });

    it('stores the same article once across two feeds and groups copies from two outlets as one story', async () => {
      const database = await open();
      const store = database.feeds;
      const source = page('saudi-iran-02.txt');
      const shared = publish('/wire/deal?utm_source=rss', source);
      site.set('/wire/deal', { contentType: 'text/html', body: wrapInSite(source, { url: site.url('/wire/deal') }) });
      const copy = publish('/mirror/deal', source, { lines: [...source.lines, 'Reporting by our correspondent.'] });
      site.set('/one.xml', { contentType: 'application/rss+xml', body: rssFeed('One', [shared]) });
      site.set('/two.xml', {
        contentType: 'application/rss+xml',
        body: rssFeed('Two', [{ ...shared, guid: 'other' }, copy]),
      });
      await store.addFeed({ url: site.url('/one.xml'), outlet: 'Wire', everyMinutes: 30 }, clock);
      await store.addFeed({ url: site.url('/two.xml'), outlet: 'Mirror', everyMinutes: 30 }, clock);
      await poller(database).pollDue();

      const docs = await database.corpus.listDocuments();
      expect(docs).toHaveLength(2);
      const stories = await store.storiesOf(docs.map((d) => d.id));
      expect(new Set(stories.map((s) => s.storyId)).size).toBe(1);
    });

    it('updates an edited item in place and survives a restart between polls', async () => {
      const source = page('karabakh-04.txt');
      let storage = await open();
      const store = storage.feeds;
      const item = publish('/a/k', source);
      site.set('/feed.xml', { contentType: 'application/rss+xml', body: rssFeed('K', [item]) });
      await store.addFeed({ url: site.url('/feed.xml'), outlet: null, everyMinutes: 30 }, clock);
      await poller(storage).pollDue();
      const [before] = await storage.corpus.listDocuments();
      await close(storage);

      // Restart: a new connection (a new process) sees the same feed state and item history.
      storage = await open();
      const edited = [
        ...source.lines.filter((l) => l.trim() !== ''),
        'Update: the ministry later confirmed the figures.',
      ];
      site.set('/a/k', {
        contentType: 'text/html',
        body: wrapInSite(source, { url: site.url('/a/k'), lines: edited }),
      });
      site.set('/feed.xml', {
        contentType: 'application/rss+xml',
        body: rssFeed('K', [{ ...item, description: 'Updated summary.' }]),
      });
      clock = new Date(clock.getTime() + 31 * 60_000);
      const [report] = await poller(storage, 'p2').pollDue();
      expect(report).toMatchObject({ newItems: 0, editedItems: 1, documents: { updated: 1 } });
      const after = await storage.corpus.listDocuments();
      expect(after.map((d) => d.id)).toEqual([before?.id]);
      expect((await storage.corpus.getDocument(before?.id ?? ''))?.articleText).toContain(
        'later confirmed the figures',
      );

      clock = new Date(clock.getTime() + 31 * 60_000);
      const [third] = await poller(storage, 'p2').pollDue();
      expect(third).toMatchObject({ newItems: 0, editedItems: 0 });
    });

    it('lets two pollers on one database poll each due feed once and ingest each item once', async () => {
      const first = await open();
      const second = await open();
      const store = first.feeds;
      for (let f = 0; f < 4; f++) {
        const items = [0, 1, 2].map((i) => publish(`/f${f}/a${i}`, pages[f * 3 + i] as CorpusPage));
        site.set(`/f${f}.xml`, { contentType: 'application/rss+xml', body: rssFeed(`F${f}`, items) });
        await store.addFeed({ url: site.url(`/f${f}.xml`), outlet: null, everyMinutes: 30 }, clock);
      }
      const [a, b] = await Promise.all([poller(first, 'a').pollDue(), poller(second, 'b').pollDue()]);
      expect(a.length + b.length).toBe(4);
      for (let f = 0; f < 4; f++) expect(site.hits(`/f${f}.xml`)).toHaveLength(1);
      for (let f = 0; f < 4; f++) for (let i = 0; i < 3; i++) expect(site.hits(`/f${f}/a${i}`)).toHaveLength(1);
      expect(await first.corpus.listDocuments()).toHaveLength(12);
    });
  });

  it('leases each due feed to one of several concurrent pollers, and lets one claimant win each item and edit', async () => {
    const stores = await Promise.all([open(), open(), open(), open()]);
    const [a] = stores;
    for (let f = 0; f < 10; f++) {
      await a.feeds.addFeed({ url: `https://news.example/f${f}.xml`, outlet: null, everyMinutes: 30 }, clock);
    }
    const until = new Date(clock.getTime() + 60_000);
    const leased = await Promise.all(stores.map((s, i) => s.feeds.claimDueFeeds(clock, `p${i}`, until)));
    const ids = (await a.feeds.listFeeds()).map((f) => f.id);
    expect(
      leased
        .flat()
        .map((f) => f.id)
        .sort((x, y) => x - y),
    ).toEqual(ids);
    expect(await stores[1]?.feeds.claimDueFeeds(clock, 'late', until)).toEqual([]);

    const owner = leased.findIndex((l) => l.length > 0);
    const feed = leased[owner]?.[0] as (typeof leased)[number][number];
    const outcome = {
      etag: null,
      lastModified: null,
      title: 'T',
      error: null,
      failures: 0,
      nextPollAt: until.toISOString(),
      polledAt: clock.toISOString(),
    };
    expect(await a.feeds.finishPoll(feed.id, 'intruder', outcome)).toBe(false);
    expect(await a.feeds.finishPoll(feed.id, `p${owner}`, outcome)).toBe(true);
    // A crashed poller's lease runs out: the feed is due again for anyone.
    const later = new Date(until.getTime() + 1);
    expect((await a.feeds.claimDueFeeds(later, 'next', new Date(later.getTime() + 60_000))).length).toBe(10);
    // The live holder renews its leases; nobody else can, and a renewed lease keeps the feed from other pollers.
    const renewedUntil = new Date(later.getTime() + 120_000);
    expect(await a.feeds.renewFeedLeases(ids.slice(0, 3), 'intruder', renewedUntil)).toEqual([]);
    expect((await a.feeds.renewFeedLeases(ids.slice(0, 3), 'next', renewedUntil)).sort((x, y) => x - y)).toEqual(
      ids.slice(0, 3),
    );
    const afterFirstLease = new Date(later.getTime() + 90_000);
    expect((await a.feeds.claimDueFeeds(afterFirstLease, 'other', renewedUntil)).length).toBe(7);

    const item = { feedId: feed.id, itemKey: 'guid-1', url: null, itemHash: 'h1' };
    const claims = (await Promise.all(stores.map((s) => s.feeds.claimItems([item], clock, until)))).flat();
    expect(claims.filter((c) => c === 'new')).toHaveLength(1);
    // Claimed but not stored yet: nobody takes it while the claim holds, whatever changed.
    expect(await a.feeds.claimItem({ ...item, itemHash: 'h2' }, clock, until)).toBe('seen');
    // Its claimant died before storing it: once the claim has run out, exactly one poller takes it again.
    const retaken = await Promise.all(stores.map((s) => s.feeds.claimItem(item, later, new Date(later.getTime() + 1))));
    expect(retaken.sort()).toEqual(['new', 'seen', 'seen', 'seen']);
    await a.feeds.setItemDocuments([{ feedId: feed.id, itemKey: 'guid-1', documentId: 'doc-1' }]);
    // Stored and settled: seen until it changes; an edit is claimed once, as an edit of the stored document.
    expect(await a.feeds.claimItem(item, later, until)).toBe('seen');
    const edits = (
      await Promise.all(stores.map((s) => s.feeds.claimItem({ ...item, itemHash: 'h2' }, clock, until)))
    ).sort();
    expect(edits).toEqual(['edited', 'seen', 'seen', 'seen']);
    // The edit's claimant died too: the edit is taken again after its claim ran out, still as an edit.
    expect(await a.feeds.claimItem({ ...item, itemHash: 'h2' }, later, until)).toBe('edited');
    await a.feeds.releaseItems(feed.id, ['guid-1']);
    expect(await a.feeds.claimItem(item, clock, until)).toBe('new');
    expect(await a.feeds.removeFeed(String(feed.id))).toBe(true);
    expect((await a.feeds.listFeeds()).map((f) => f.id)).not.toContain(feed.id);
  });
}
