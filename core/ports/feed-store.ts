/** Feeds, the items seen in them and the story each document belongs to. Implemented in db/. */

export interface FeedRecord {
  id: number;
  url: string;
  outlet: string | null;
  title: string | null;
  everyMinutes: number;
  etag: string | null;
  lastModified: string | null;
  /** ISO instant when the feed is next due. */
  nextPollAt: string;
  lastPolledAt: string | null;
  lastError: string | null;
  /** Consecutive failed polls. */
  failures: number;
  createdAt: string;
}

export interface NewFeed {
  url: string;
  outlet: string | null;
  everyMinutes: number;
}

/** What a poll left behind; written only by the poller that holds the feed's lease. */
export interface PollOutcome {
  etag: string | null;
  lastModified: string | null;
  title: string | null;
  /** Null after a successful poll (a 304 included). */
  error: string | null;
  failures: number;
  nextPollAt: string;
  polledAt: string;
}

/** How an item compares with what was stored for it. */
export type ItemClaim = 'new' | 'edited' | 'seen';

export interface FeedItemKey {
  feedId: number;
  itemKey: string;
  url: string | null;
  itemHash: string;
}

export interface StoryRecord {
  documentId: string;
  storyId: string;
  canonicalUrl: string | null;
  signature: number[];
  createdAt: string;
}

/**
 * Storage of feeds for the poller. Every method is async so a networked store (PostgreSQL) can
 * implement it. Claims are atomic: of several pollers sharing the store, exactly one wins each.
 */
export interface FeedStore {
  /** Adds a feed, due at once; returns the stored one and whether it was new (the URL is unique). */
  addFeed(feed: NewFeed, now: Date): Promise<{ feed: FeedRecord; created: boolean }>;
  listFeeds(): Promise<FeedRecord[]>;
  /** Removes a feed by URL or numeric id; false when none matched. */
  removeFeed(urlOrId: string): Promise<boolean>;
  /**
   * Leases the feeds due at `now` to `owner` until `leaseUntil` and returns them. A feed leased to
   * another poller whose lease has not run out is skipped, so each due time is polled once.
   */
  claimDueFeeds(now: Date, owner: string, leaseUntil: Date): Promise<FeedRecord[]>;
  /** Extends the leases `owner` holds on these feeds while it polls them; returns the ids it still holds. */
  renewFeedLeases(feedIds: readonly number[], owner: string, leaseUntil: Date): Promise<number[]>;
  /** Records a poll and releases the lease; ignored when `owner` no longer holds it. */
  finishPoll(feedId: number, owner: string, outcome: PollOutcome): Promise<boolean>;
  /**
   * Claims an item atomically until `claimUntil`: 'new' the first time its key is seen in the feed, 'edited' when
   * its hash changed since (the stored hash is updated), 'seen' otherwise. Only one caller gets 'new' or 'edited'
   * for one change. A claim stays open until setItemDocuments (or releaseItems) settles it: one left open past
   * `claimUntil` (its poller died before storing the item) is claimed again, as 'new' or 'edited', so no item is
   * lost.
   */
  claimItem(item: FeedItemKey, now: Date, claimUntil: Date): Promise<ItemClaim>;
  /** claimItem for several items in one transaction; the claims in the order given. */
  claimItems(items: readonly FeedItemKey[], now: Date, claimUntil: Date): Promise<ItemClaim[]>;
  /** Forgets claimed items that could not be stored, so the next poll tries them again. */
  releaseItems(feedId: number, itemKeys: readonly string[]): Promise<void>;
  /** Links claimed items to the documents made from them, settling their claims. */
  setItemDocuments(links: readonly { feedId: number; itemKey: string; documentId: string }[]): Promise<void>;
  /** The story record of a document, or null. */
  storyOf(documentId: string): Promise<StoryRecord | null>;
  /** The document already stored under this canonical URL, or null. */
  documentByCanonicalUrl(canonicalUrl: string): Promise<string | null>;
  /** Story records created at or after `since` (ISO), newest first, at most `limit`. */
  recentStories(since: string, limit: number): Promise<StoryRecord[]>;
  /** Inserts or replaces documents' story records, in one transaction. */
  saveStories(stories: readonly StoryRecord[]): Promise<void>;
  /** Story records of these documents (unknown ids skipped). */
  storiesOf(documentIds: readonly string[]): Promise<StoryRecord[]>;
}
