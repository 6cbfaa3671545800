import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type {
  FeedItemKey,
  FeedStore,
  ItemClaim,
  NewFeed,
  PollOutcome,
  StoryRecord,
} from '../../core/ports/feed-store.ts';
import { toFeed, toStory } from '../shared/feed-rows.ts';
import type { PgDatabase } from './open-postgres.ts';
import { documentStories, feedItems, feeds } from './schema.ts';

/**
 * PostgreSQL implementation of the FeedStore port. Several processes may poll one database: due feeds are
 * leased with `FOR UPDATE SKIP LOCKED` (a feed locked or leased by another poller is skipped), and an item is
 * claimed by inserting its unique (feed, key) row, or by an update that only wins while the stored hash differs.
 */
export function createPgFeedRepository(db: PgDatabase): FeedStore {
  type Tx = Parameters<Parameters<PgDatabase['transaction']>[0]>[0];

  /** Taken when its hash changed or its earlier claim was never settled and has run out; never under a live claim. */
  async function claimOne(tx: Tx, item: FeedItemKey, at: string, until: string): Promise<ItemClaim> {
    const inserted = await tx
      .insert(feedItems)
      .values({ ...item, firstSeenAt: at, updatedAt: at, claimedUntil: until })
      .onConflictDoNothing()
      .returning({ id: feedItems.id });
    if (inserted.length > 0) return 'new';
    // A concurrent claimant's insert or update is waited for, then the row checked again: one winner.
    const [taken] = await tx
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
      .returning({ documentId: feedItems.documentId });
    if (!taken) return 'seen';
    return taken.documentId === null ? 'new' : 'edited';
  }

  const claimAll = (items: readonly FeedItemKey[], now: Date, claimUntil: Date): Promise<ItemClaim[]> =>
    db.transaction(async (tx) => {
      const at = now.toISOString();
      const claims: ItemClaim[] = [];
      for (const item of items) claims.push(await claimOne(tx, item, at, claimUntil.toISOString()));
      return claims;
    });

  return {
    async addFeed(input: NewFeed, now: Date) {
      const at = now.toISOString();
      const [created] = await db
        .insert(feeds)
        .values({ ...input, nextPollAt: at, createdAt: at })
        .onConflictDoNothing({ target: feeds.url })
        .returning();
      if (created) return { feed: toFeed(created), created: true };
      const [existing] = await db.select().from(feeds).where(eq(feeds.url, input.url));
      if (!existing) throw new Error('feed vanished while it was added');
      return { feed: toFeed(existing), created: false };
    },

    async listFeeds() {
      return (await db.select().from(feeds).orderBy(feeds.id)).map(toFeed);
    },

    async removeFeed(urlOrId: string) {
      const id = /^\d{1,9}$/.test(urlOrId) ? Number(urlOrId) : null;
      const where = id === null ? eq(feeds.url, urlOrId) : or(eq(feeds.id, id), eq(feeds.url, urlOrId));
      return (await db.delete(feeds).where(where).returning({ id: feeds.id })).length > 0;
    },

    async claimDueFeeds(now: Date, owner: string, leaseUntil: Date) {
      const at = now.toISOString();
      // Rows another poller is leasing right now are skipped, not waited for; once it commits, the
      // re-checked lease condition leaves them out too.
      const result = await db.execute<{ id: number }>(sql`
        UPDATE feeds SET lease_owner = ${owner}, lease_until = ${leaseUntil.toISOString()}
        WHERE id IN (
          SELECT id FROM feeds
          WHERE next_poll_at <= ${at} AND (lease_until IS NULL OR lease_until <= ${at})
          ORDER BY id FOR UPDATE SKIP LOCKED
        )
        AND next_poll_at <= ${at} AND (lease_until IS NULL OR lease_until <= ${at})
        RETURNING id`);
      const ids = result.rows.map((r) => Number(r.id));
      if (ids.length === 0) return [];
      return (await db.select().from(feeds).where(inArray(feeds.id, ids)).orderBy(feeds.id)).map(toFeed);
    },

    async renewFeedLeases(feedIds: readonly number[], owner: string, leaseUntil: Date) {
      if (feedIds.length === 0) return [];
      const rows = await db
        .update(feeds)
        .set({ leaseUntil: leaseUntil.toISOString() })
        .where(and(inArray(feeds.id, [...feedIds]), eq(feeds.leaseOwner, owner)))
        .returning({ id: feeds.id });
      return rows.map((row) => row.id);
    },

    async finishPoll(feedId: number, owner: string, outcome: PollOutcome) {
      const rows = await db
        .update(feeds)
        .set({
          etag: outcome.etag,
          lastModified: outcome.lastModified,
          title: sql`coalesce(${outcome.title}::text, ${feeds.title})`,
          lastError: outcome.error,
          failures: outcome.failures,
          nextPollAt: outcome.nextPollAt,
          lastPolledAt: outcome.polledAt,
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(and(eq(feeds.id, feedId), eq(feeds.leaseOwner, owner)))
        .returning({ id: feeds.id });
      return rows.length > 0;
    },

    async claimItem(item: FeedItemKey, now: Date, claimUntil: Date) {
      const [claim = 'seen'] = await claimAll([item], now, claimUntil);
      return claim;
    },

    claimItems: (items, now, claimUntil) => claimAll(items, now, claimUntil),

    async releaseItems(feedId: number, itemKeys: readonly string[]) {
      if (itemKeys.length === 0) return;
      await db.delete(feedItems).where(and(eq(feedItems.feedId, feedId), inArray(feedItems.itemKey, [...itemKeys])));
    },

    async setItemDocuments(links) {
      await db.transaction(async (tx) => {
        for (const link of links) {
          await tx
            .update(feedItems)
            .set({ documentId: link.documentId, claimedUntil: null })
            .where(and(eq(feedItems.feedId, link.feedId), eq(feedItems.itemKey, link.itemKey)));
        }
      });
    },

    async storyOf(documentId: string) {
      const [row] = await db.select().from(documentStories).where(eq(documentStories.documentId, documentId));
      return row ? toStory(row) : null;
    },

    async documentByCanonicalUrl(canonicalUrl: string) {
      const [row] = await db
        .select({ documentId: documentStories.documentId })
        .from(documentStories)
        .where(eq(documentStories.canonicalUrl, canonicalUrl))
        .limit(1);
      return row?.documentId ?? null;
    },

    async recentStories(since: string, limit: number) {
      const rows = await db
        .select()
        .from(documentStories)
        .where(gte(documentStories.createdAt, since))
        .orderBy(desc(documentStories.createdAt))
        .limit(limit);
      return rows.map(toStory);
    },

    async saveStories(stories: readonly StoryRecord[]) {
      if (stories.length === 0) return;
      // One row per document: the last record given for it wins, as the SQLite store's loop does.
      const byDocument = new Map(stories.map((s) => [s.documentId, { ...s, signature: JSON.stringify(s.signature) }]));
      await db
        .insert(documentStories)
        .values([...byDocument.values()])
        .onConflictDoUpdate({
          target: documentStories.documentId,
          set: {
            storyId: sql`excluded.story_id`,
            canonicalUrl: sql`excluded.canonical_url`,
            signature: sql`excluded.signature`,
          },
        });
    },

    async storiesOf(documentIds: readonly string[]) {
      if (documentIds.length === 0) return [];
      const rows = await db
        .select()
        .from(documentStories)
        .where(inArray(documentStories.documentId, [...documentIds]));
      return rows.map(toStory);
    },
  };
}
