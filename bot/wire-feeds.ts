import { hostname } from 'node:os';
import { createSafeFetcher } from '../adapters/web/safe-fetch.ts';
import { ConfigError } from '../core/errors.ts';
import { createFeedPoller, type FeedPoller } from '../core/feeds/feed-poller.ts';
import { createFeedsAdmin, type FeedsAdminApi } from '../core/feeds/feeds-admin.ts';
import { ingestWebPage, type WebIngestDeps, type WebIngestResult } from '../core/feeds/ingest-web-page.ts';
import type { FeedStore } from '../core/ports/feed-store.ts';
import type { Logger } from '../core/ports/logger.ts';
import { createFeedRepository } from '../db/repositories/feed-repository.ts';
import type { App } from './app.ts';

export interface Feeds {
  store: FeedStore;
  poller: FeedPoller;
  /** `/feeds` on chat, for BOT_ADMINS. */
  admin: FeedsAdminApi;
  /** Fetches and stores one page (`ingest <url>`). */
  ingestUrl(url: string): Promise<WebIngestResult>;
}

/** Wires feeds and web pages to the app's database and corpus. */
export function wireFeeds(app: App, logger: Logger): Feeds {
  const sqlite = app.storage.sqlite;
  if (!sqlite) {
    // The PostgreSQL FeedStore is not written yet (issue 15 follow-up).
    throw new ConfigError(
      'DATABASE_URL',
      'Invalid configuration: feeds are not available on PostgreSQL yet (DATABASE_URL).',
    );
  }
  const store = createFeedRepository(sqlite.db);
  const deps: WebIngestDeps = {
    corpus: app.corpus,
    feeds: store,
    fetcher: createSafeFetcher({ allowPrivate: app.config.feeds.allowPrivate }),
    logger,
    now: () => app.clock.now(),
  };
  const poller = createFeedPoller({ ...deps, owner: `${hostname()}:${process.pid}` });
  const admin = createFeedsAdmin({ store, admins: app.config.feeds.admins, clock: app.clock });
  return { store, poller, admin, ingestUrl: (url) => ingestWebPage(deps, url) };
}
