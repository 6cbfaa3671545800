import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type {
  FeedItemKey,
  FeedStore,
  ItemClaim,
  NewFeed,
  PollOutcome,
  StoryRecord,
} from '../../core/ports/feed-store.ts';
import type { AppDatabase } from '../open-database.ts';
import { documentStories, feedItems, feeds } from '../schema.ts';
import { toFeed, toStory } from '../shared/feed-rows.ts';

/** SQLite implementation of the FeedStore port over `feeds`, `feed_items` and `document_stories`. */
export function createFeedRepository(db: AppDatabase): FeedStore {
  /**
   * IMMEDIATE: the write lock is taken first, so of two pollers only one sees an item as new or edited. An item is
   * taken when its hash changed or its earlier claim was never settled and has run out; never while a live claim
   * holds it.
   */
  const claimAll = (items: readonly FeedItemKey[], now: Date, claimUntil: Date): ItemClaim[] =>
    db.transaction(
      (tx) => {
        const at = now.toISOString();
        const until = claimUntil.toISOString();
        return items.map((item): ItemClaim => {
          const inserted = tx
            .insert(feedItems)
            .values({ ...item, firstSeenAt: at, updatedAt: at, claimedUntil: until })
            .onConflictDoNothing()
            .run();
          if (inserted.changes > 0) return 'new';
          const taken = tx
            .update(feedItems)
            .set({ itemHash: item.itemHash, url: item.url, updatedAt: at, claimedUntil: until })
            .where(
              and(
                eq(feedItems.feedId, item.feedId),
                eq(feedItems.itemKey, item.itemKey),
                or(isNull(feedItems.claimedUntil), lte(feedItems.claimedUntil, at)),
                or(sql`${feedItems.itemHash} <> ${item.itemHash}`, isNotNull(feedItems.claimedUntil)),
              ),
            )
            .returning({ documentId: feedItems.documentId })
            .get();
          if (!taken) return 'seen';
          return taken.documentId === null ? 'new' : 'edited';
        });
      },
      { behavior: 'immediate' },
    );

  return {
    async addFeed(input: NewFeed, now: Date) {
      return db.transaction(
        (tx) => {
          const existing = tx.select().from(feeds).where(eq(feeds.url, input.url)).get();
          if (existing) return { feed: toFeed(existing), created: false };
          const row = tx
            .insert(feeds)
            .values({ ...input, nextPollAt: now.toISOString(), createdAt: now.toISOString() })
            .returning()
            .get();
          return { feed: toFeed(row), created: true };
        },
        { behavior: 'immediate' },
      );
    },

    async listFeeds() {
      return db.select().from(feeds).orderBy(feeds.id).all().map(toFeed);
    },

    async removeFeed(urlOrId: string) {
      const id = /^\d+$/.test(urlOrId) ? Number(urlOrId) : null;
      const where = id === null ? eq(feeds.url, urlOrId) : or(eq(feeds.id, id), eq(feeds.url, urlOrId));
      return db.delete(feeds).where(where).run().changes > 0;
    },

    async claimDueFeeds(now: Date, owner: string, leaseUntil: Date) {
      const at = now.toISOString();
      // One UPDATE … RETURNING: SQLite runs it under the write lock, so two pollers never lease one feed.
      return db
        .update(feeds)
        .set({ leaseOwner: owner, leaseUntil: leaseUntil.toISOString() })
        .where(and(lte(feeds.nextPollAt, at), or(isNull(feeds.leaseUntil), lte(feeds.leaseUntil, at))))
        .returning()
        .all()
        .map(toFeed)
        .sort((a, b) => a.id - b.id);
    },

    async renewFeedLeases(feedIds: readonly number[], owner: string, leaseUntil: Date) {
      if (feedIds.length === 0) return [];
      return db
        .update(feeds)
        .set({ leaseUntil: leaseUntil.toISOString() })
        .where(and(inArray(feeds.id, [...feedIds]), eq(feeds.leaseOwner, owner)))
        .returning({ id: feeds.id })
        .all()
        .map((row) => row.id);
    },

    async finishPoll(feedId: number, owner: string, outcome: PollOutcome) {
      const result = db
        .update(feeds)
        .set({
          etag: outcome.etag,
          lastModified: outcome.lastModified,
          title: sql`coalesce(${outcome.title}, ${feeds.title})`,
          lastError: outcome.error,
          failures: outcome.failures,
          nextPollAt: outcome.nextPollAt,
          lastPolledAt: outcome.polledAt,
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(and(eq(feeds.id, feedId), eq(feeds.leaseOwner, owner)))
        .run();
      return result.changes > 0;
    },

    async claimItem(item: FeedItemKey, now: Date, claimUntil: Date) {
      const [claim = 'seen'] = claimAll([item], now, claimUntil);
      return claim;
    },

    async claimItems(items: readonly FeedItemKey[], now: Date, claimUntil: Date) {
      return claimAll(items, now, claimUntil);
    },

    async releaseItems(feedId: number, itemKeys: readonly string[]) {
      if (itemKeys.length === 0) return;
      db.delete(feedItems)
        .where(and(eq(feedItems.feedId, feedId), inArray(feedItems.itemKey, [...itemKeys])))
        .run();
    },

    async setItemDocuments(links) {
      db.transaction((tx) => {
        for (const link of links) {
          tx.update(feedItems)
            .set({ documentId: link.documentId, claimedUntil: null })
            .where(and(eq(feedItems.feedId, link.feedId), eq(feedItems.itemKey, link.itemKey)))
            .run();
        }
      });
    },

    async storyOf(documentId: string) {
      const row = db.select().from(documentStories).where(eq(documentStories.documentId, documentId)).get();
      return row ? toStory(row) : null;
    },

    async documentByCanonicalUrl(canonicalUrl: string) {
      const row = db
        .select({ documentId: documentStories.documentId })
        .from(documentStories)
        .where(eq(documentStories.canonicalUrl, canonicalUrl))
        .get();
      return row?.documentId ?? null;
    },

    async recentStories(since: string, limit: number) {
      return db
        .select()
        .from(documentStories)
        .where(gte(documentStories.createdAt, since))
        .orderBy(desc(documentStories.createdAt))
        .limit(limit)
        .all()
        .map(toStory);
    },

    async saveStories(stories: readonly StoryRecord[]) {
      db.transaction((tx) => {
        for (const story of stories) {
          const values = { ...story, signature: JSON.stringify(story.signature) };
          tx.insert(documentStories)
            .values(values)
            .onConflictDoUpdate({
              target: documentStories.documentId,
              set: { storyId: values.storyId, canonicalUrl: values.canonicalUrl, signature: values.signature },
            })
            .run();
        }
      });
    },

    async storiesOf(documentIds: readonly string[]) {
      if (documentIds.length === 0) return [];
      return db
        .select()
        .from(documentStories)
        .where(inArray(documentStories.documentId, [...documentIds]))
        .all()
        .map(toStory);
    },
  };
}
