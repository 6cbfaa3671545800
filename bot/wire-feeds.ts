import { createSafeFetcher } from '../adapters/web/safe-fetch.ts';
import { createFeedPoller, type FeedPoller } from '../core/feeds/feed-poller.ts';
import { createFeedsAdmin, type FeedsAdminApi } from '../core/feeds/feeds-admin.ts';
import { ingestWebPage, type WebIngestDeps, type WebIngestResult } from '../core/feeds/ingest-web-page.ts';
import { instanceName } from '../core/lease.ts';
import type { FeedStore } from '../core/ports/feed-store.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { App } from './app.ts';

export interface Feeds {
  store: FeedStore;
  poller: FeedPoller;
  /** `/feeds` on chat, for BOT_ADMINS. */
  admin: FeedsAdminApi;
  /** Fetches and stores one page (`ingest <url>`). */
  ingestUrl(url: string): Promise<WebIngestResult>;
}

/** Wires feeds and web pages to the app's database (SQLite or PostgreSQL) and corpus. */
export function wireFeeds(app: App, logger: Logger): Feeds {
  const store = app.storage.feeds;
  const deps: WebIngestDeps = {
    corpus: app.corpus,
    feeds: store,
    fetcher: createSafeFetcher({ allowPrivate: app.config.feeds.allowPrivate }),
    logger,
    now: () => app.clock.now(),
  };
  const poller = createFeedPoller({ ...deps, owner: instanceName(), leaseMs: app.config.claimLeaseMs });
  const admin = createFeedsAdmin({ store, admins: app.config.feeds.admins, clock: app.clock });
  return { store, poller, admin, ingestUrl: (url) => ingestWebPage(deps, url) };
}
