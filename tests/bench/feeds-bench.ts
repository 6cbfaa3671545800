/**
 * `npm run bench:feeds` (also run at the end of `npm run bench`): `feeds poll` over 20 feeds × 50 items served
 * from loopback (article pages built from the corpus-dev pages in site chrome), then the extraction figures
 * (text recall and chrome share) on the 120 corpus-dev pages wrapped in HTML.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeFetcher } from '../../adapters/web/safe-fetch.ts';
import { createFeedPoller } from '../../core/feeds/feed-poller.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { createFeedRepository } from '../../db/repositories/feed-repository.ts';
import { type FakeItem, rssFeed, startNewsSite } from '../fakes/news-site.ts';
import { readCorpusPages, wrapInSite } from '../fakes/site-page.ts';
import { measureExtraction } from './extraction-figures.ts';

const FEEDS = 20;
const ITEMS = 50;

async function benchPoll(): Promise<{ items: number; documents: number; seconds: number; cpuSeconds: number }> {
  const site = await startNewsSite();
  const dir = mkdtempSync(join(tmpdir(), 'attache-feeds-bench-'));
  const database = openDatabase(join(dir, 'bench.db'));
  try {
    const pages = readCorpusPages();
    const store = createFeedRepository(database.db);
    const now = new Date();
    for (let f = 0; f < FEEDS; f++) {
      const items: FakeItem[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const page = pages[(f * ITEMS + i) % pages.length] as (typeof pages)[number];
        const path = `/feed${f}/item${i}`;
        // Each item is its own article: a dateline line makes the text (and the URL) distinct.
        const lines = [...page.lines, `Filed by desk ${f}, item ${i}.`];
        site.set(path, {
          contentType: 'text/html; charset=utf-8',
          body: wrapInSite(page, { url: site.url(path), lines }),
        });
        items.push({ guid: path, title: page.lines[0] ?? path, link: site.url(path), description: 'Summary.' });
      }
      site.set(`/feed${f}.xml`, { contentType: 'application/rss+xml', body: rssFeed(`Feed ${f}`, items) });
      await store.addFeed({ url: site.url(`/feed${f}.xml`), outlet: null, everyMinutes: 30 }, now);
    }
    const poller = createFeedPoller({
      corpus: createCorpusRepository(database.db),
      feeds: store,
      fetcher: createSafeFetcher({ allowPrivate: true }),
      logger: silentLogger,
      now: () => new Date(),
      owner: 'bench',
    });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const reports = await poller.pollDue();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const items = reports.reduce((sum, r) => sum + r.newItems, 0);
    const documents = reports.reduce((sum, r) => sum + r.documents.inserted, 0);
    return { items, documents, seconds, cpuSeconds };
  } finally {
    database.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const poll = await benchPoll();
const extraction = measureExtraction();
process.stdout.write(
  [
    '',
    'Feeds (loopback)',
    `  feeds poll: ${FEEDS} feeds × ${ITEMS} items → ${poll.items} items, ${poll.documents} documents in ${poll.seconds.toFixed(2)} s = ${Math.round(poll.items / poll.seconds)} items/s (target < 10 s); CPU ${poll.cpuSeconds.toFixed(2)} s (site server included), load ${loadavg()[0]?.toFixed(1)}`,
    `  extraction on ${extraction.pages} corpus-dev pages in site chrome: text recall ${(extraction.recall * 100).toFixed(1)} % (target ≥ 95 %), chrome ${(extraction.chrome * 100).toFixed(1)} % (target ≤ 5 %), ${extraction.msPerPage.toFixed(1)} ms/page`,
    '',
  ].join('\n'),
);
