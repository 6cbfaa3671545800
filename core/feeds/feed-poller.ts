import { createHash } from 'node:crypto';
import { DEFAULT_LEASE_MS, whileRenewing } from '../lease.ts';
import type { FeedRecord } from '../ports/feed-store.ts';
import { backoffDelay } from '../retry.ts';
import { createStoryMatcher, type StoryMatcher } from './assign-story.ts';
import { canonicalUrl } from './canonical-url.ts';
import { FetchError } from './fetch-error.ts';
import {
  type FeedFallback,
  type PreparedWebPage,
  prepareWebPage,
  storeWebPages,
  type WebIngestDeps,
} from './ingest-web-page.ts';
import { type FeedEntry, parseFeedResponse } from './parse-feed.ts';

export interface FeedPollerDeps extends WebIngestDeps {
  /** This poller's name in the feed leases (host and pid, say). */
  owner: string;
  /** How long a feed's lease lasts unless renewed (renewed while its poll runs); DEFAULT_LEASE_MS by default. */
  leaseMs?: number;
  /** 0–1, for the backoff jitter (Math.random by default). */
  random?: () => number;
  /** Item pages fetched at once per feed (default 4). */
  concurrency?: number;
}

export interface FeedPollReport {
  feedId: number;
  url: string;
  status: 'updated' | 'not_modified' | 'failed';
  error: string | null;
  /** Items seen for the first time / edited items, and documents written for them. */
  newItems: number;
  editedItems: number;
  documents: { inserted: number; updated: number; unchanged: number };
  failedItems: number;
}

const MAX_BACKOFF_MS = 24 * 3_600_000;
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';

const itemHash = (entry: FeedEntry): string =>
  createHash('sha256')
    .update(JSON.stringify([entry.url, entry.title, entry.content, entry.published]))
    .digest('hex');

/** Next poll after `failures` consecutive failures: core's backoff (the interval doubled per failure, capped, with jitter). */
export function backoffMs(everyMinutes: number, failures: number, random: () => number): number {
  const every = everyMinutes * 60_000;
  if (failures === 0) return every;
  return backoffDelay({ baseDelayMs: every, factor: 2, maxDelayMs: MAX_BACKOFF_MS }, failures, random);
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/**
 * Polls feeds: each due feed is leased to this poller, fetched with its validators, parsed, and every new or
 * edited item stored (page article, else the item's text). A feed's failure is recorded on it (last error,
 * backoff) and never stops the others.
 */
export function createFeedPoller(deps: FeedPollerDeps) {
  const random = deps.random ?? Math.random;
  const concurrency = deps.concurrency ?? 4;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs);

  async function pollFeed(feed: FeedRecord, stories: StoryMatcher): Promise<FeedPollReport> {
    const report: FeedPollReport = {
      feedId: feed.id,
      url: feed.url,
      status: 'updated',
      error: null,
      newItems: 0,
      editedItems: 0,
      documents: { inserted: 0, updated: 0, unchanged: 0 },
      failedItems: 0,
    };
    let etag = feed.etag;
    let lastModified = feed.lastModified;
    let title: string | null = null;
    try {
      const response = await deps.fetcher.fetch({ url: feed.url, etag, lastModified, accept: FEED_ACCEPT });
      if (response.status === 304) {
        report.status = 'not_modified';
      } else if (response.status !== 200) {
        throw new FetchError('http_status', `HTTP ${response.status}`);
      } else {
        const parsed = parseFeedResponse(response);
        etag = response.etag;
        lastModified = response.lastModified;
        title = parsed.title;
        await ingestEntries(feed, parsed.title, parsed.entries, report, stories);
      }
    } catch (error) {
      report.status = 'failed';
      report.error = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ feed: feed.url, err: report.error }, 'feed poll failed');
    }
    const now = deps.now();
    const failures = report.status === 'failed' ? feed.failures + 1 : 0;
    await deps.feeds.finishPoll(feed.id, deps.owner, {
      etag,
      lastModified,
      title,
      error: report.error,
      failures,
      nextPollAt: new Date(now.getTime() + backoffMs(feed.everyMinutes, failures, random)).toISOString(),
      polledAt: now.toISOString(),
    });
    return report;
  }

  /**
   * Claims the feed's items in one transaction, reads the new and edited ones, stores them in one more, then settles
   * the claims. A poller killed before that leaves its claims open, and the feed's next poll takes them again.
   */
  async function ingestEntries(
    feed: FeedRecord,
    feedTitle: string | null,
    entries: readonly FeedEntry[],
    report: FeedPollReport,
    stories: StoryMatcher,
  ) {
    // A feed may list one item twice; the first copy counts.
    const unique = [...new Map(entries.map((e) => [e.key, e])).values()];
    const keyed = unique.map((entry) => ({ entry, url: entry.url ? canonicalUrl(entry.url, feed.url) : null }));
    const claims = await deps.feeds.claimItems(
      keyed.map(({ entry, url }) => ({ feedId: feed.id, itemKey: entry.key, url, itemHash: itemHash(entry) })),
      deps.now(),
      leaseFrom(deps.now()),
    );
    const claimed = keyed.filter((_, i) => claims[i] !== 'seen');
    report.newItems += claims.filter((c) => c === 'new').length;
    report.editedItems += claims.filter((c) => c === 'edited').length;
    const prepared: { key: string; page: PreparedWebPage }[] = [];
    const failed: string[] = [];
    await inBatches(claimed, concurrency, async ({ entry, url }) => {
      const fallback: FeedFallback = {
        title: entry.title,
        author: entry.author,
        published: entry.published,
        outlet: feed.outlet ?? feedTitle,
        outletFixed: feed.outlet !== null,
        content: entry.content,
      };
      try {
        if (!url) throw new FetchError('bad_url', `item ${entry.key} has no http(s) link.`);
        prepared.push({ key: entry.key, page: await prepareWebPage(deps, url, fallback) });
      } catch (error) {
        report.failedItems++;
        failed.push(entry.key);
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.warn({ feed: feed.url, item: entry.key, err: message }, 'feed item not ingested');
      }
    });
    // An item whose page and feed text were both unreadable is tried again on the next poll.
    await deps.feeds.releaseItems(feed.id, failed);
    const results = await storeWebPages(
      { ...deps, stories },
      prepared.map((p) => p.page),
    );
    for (const result of results) report.documents[result.outcome]++;
    await deps.feeds.setItemDocuments(
      results.map((result, i) => ({ feedId: feed.id, itemKey: prepared[i]?.key ?? '', documentId: result.documentId })),
    );
  }

  return {
    /** One pass: leases every due feed and polls it; returns one report per feed polled. */
    async pollDue(): Promise<FeedPollReport[]> {
      const now = deps.now();
      const due = await deps.feeds.claimDueFeeds(now, deps.owner, leaseFrom(now));
      const reports: FeedPollReport[] = [];
      const stories = createStoryMatcher(deps.feeds, deps.now);
      // The leases of this pass's feeds are renewed until each is polled: a poller that dies loses them after one
      // lease, and a feed whose lease was lost meanwhile (a stalled poller) is left to its new holder.
      const held = new Set(due.map((feed) => feed.id));
      const renew = async () => {
        const kept = new Set(await deps.feeds.renewFeedLeases([...held], deps.owner, leaseFrom(deps.now())));
        for (const id of held) if (!kept.has(id)) held.delete(id);
      };
      const warn = (error: unknown) => deps.logger.warn({ err: String(error) }, 'feed leases not renewed');
      await whileRenewing(
        leaseMs,
        renew,
        async () => {
          for (const feed of due) {
            if (!held.has(feed.id)) continue;
            reports.push(await pollFeed(feed, stories));
            held.delete(feed.id);
          }
        },
        warn,
      );
      return reports;
    },
  };
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
