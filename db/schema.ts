import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const documents = sqliteTable('documents', {
  id: text('id').primaryKey(),
  title: text('title'),
  outlet: text('outlet'),
  author: text('author'),
  publishedAt: text('published_at'),
  url: text('url'),
  language: text('language'),
  articleText: text('article_text').notNull(),
  contentHash: text('content_hash').notNull(),
  sourcePath: text('source_path'),
  ingestedAt: text('ingested_at').notNull(),
  /** When the document was first stored; an update (an edited article) leaves it, so digests never show it as new again. */
  firstIngestedAt: text('first_ingested_at'),
});

export const passages = sqliteTable(
  'passages',
  {
    rowid: integer('rowid').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
  },
  (t) => [uniqueIndex('passages_id_unique').on(t.id), index('passages_document_idx').on(t.documentId, t.ordinal)],
);

export const conversationTurns = sqliteTable(
  'conversation_turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id').notNull(),
    createdAt: text('created_at').notNull(),
    kind: text('kind').notNull(),
    /** JSON of the ConversationTurn fields beyond the keys above. */
    payload: text('payload').notNull(),
  },
  (t) => [index('conversation_turns_lookup_idx').on(t.conversationId, t.createdAt)],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // An opaque platform name: core and the database know no list of platforms (adapters do).
    platform: text('platform').notNull(),
    targetId: text('target_id').notNull(),
    guildId: text('guild_id'),
    /** HH:MM, local to `timezone`. */
    localTime: text('local_time').notNull(),
    timezone: text('timezone').notNull(),
    topic: text('topic'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    deactivatedReason: text('deactivated_reason'),
    /** JSON arrays of plain words and phrases: a story is shown when it has one of the first and none of the second. */
    includeKeywords: text('include_keywords').notNull().default('[]'),
    excludeKeywords: text('exclude_keywords').notNull().default('[]'),
    /** What a digest with no new story does: post one short line, or post nothing. */
    whenEmpty: text('when_empty', { enum: ['notice', 'silent'] })
      .notNull()
      .default('notice'),
  },
  (t) => [
    index('subscriptions_target_idx').on(t.platform, t.targetId),
    // One active subscription per target; old rows stay for history.
    uniqueIndex('subscriptions_active_target_unique').on(t.platform, t.targetId).where(sql`${t.active} = 1`),
  ],
);

export const digestRuns = sqliteTable(
  'digest_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    /** YYYY-MM-DD in the subscription's timezone. */
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** JSON array of platform message ids. */
    messageIds: text('message_ids'),
    claimedBy: text('claimed_by'),
    claimedAt: text('claimed_at').notNull(),
    finishedAt: text('finished_at'),
    /** Newest ingestedAt covered by this digest, so the next one shows only what is new. */
    coveredUntil: text('covered_until'),
    /** JSON of what the run posts (the Reply and its story counts), fixed before its first part is sent. */
    content: text('content'),
    /** Parts settled so far: the index of the next part to send. */
    partsSent: integer('parts_sent').notNull().default(0),
    /** When the send of the next part started, until it is confirmed (it may have been posted meanwhile). */
    partStartedAt: text('part_started_at'),
  },
  (t) => [uniqueIndex('digest_runs_subscription_date_unique').on(t.subscriptionId, t.localDate)],
);

export const replyUsage = sqliteTable(
  'reply_usage',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at').notNull(),
    engine: text('engine').notNull(),
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
  },
  (t) => [index('reply_usage_created_idx').on(t.createdAt)],
);

/** Feeds the operator follows; polled on their own interval, claimed by one poller at a time. */
export const feeds = sqliteTable(
  'feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    outlet: text('outlet'),
    title: text('title'),
    everyMinutes: integer('every_minutes').notNull().default(30),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** ISO instant when the feed is next due. */
    nextPollAt: text('next_poll_at').notNull(),
    lastPolledAt: text('last_polled_at'),
    lastError: text('last_error'),
    /** Consecutive failed polls; drives the backoff. */
    failures: integer('failures').notNull().default(0),
    /** The poller holding the feed and until when (a crashed poller's lease expires). */
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('feeds_url_unique').on(t.url), index('feeds_due_idx').on(t.nextPollAt)],
);

/** Every item seen in a feed, so each is ingested once and an edit is recognised as one. */
export const feedItems = sqliteTable(
  'feed_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feedId: integer('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    /** The item's GUID, else its canonical link. */
    itemKey: text('item_key').notNull(),
    url: text('url'),
    /** Hash of the item's own fields; a change means the item was edited. */
    itemHash: text('item_hash').notNull(),
    documentId: text('document_id'),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * Set while the item is claimed but not yet stored (ISO instant the claim runs out); null once stored. A poller
     * killed between claim and store leaves it set, and the next poller takes the item again after that instant.
     */
    claimedUntil: text('claimed_until'),
  },
  (t) => [uniqueIndex('feed_items_key_unique').on(t.feedId, t.itemKey)],
);

/**
 * Incoming platform updates (a Telegram update id) claimed by the instance handling them, so one re-sent to another
 * instance (after a timeout, or after the first one died) is handled once. Rows older than a day are pruned.
 */
export const handledUpdates = sqliteTable(
  'handled_updates',
  {
    platform: text('platform').notNull(),
    updateId: text('update_id').notNull(),
    /** The instance handling it, and until when its claim holds unless renewed (a dead instance's claim runs out). */
    owner: text('owner').notNull(),
    leaseUntil: text('lease_until').notNull(),
    /** When handling finished; a re-sent update with this set is skipped. */
    doneAt: text('done_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] }), index('handled_updates_created_idx').on(t.createdAt)],
);

/** The story each document belongs to: near-identical copies from several outlets share one story id. */
export const documentStories = sqliteTable(
  'document_stories',
  {
    documentId: text('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    storyId: text('story_id').notNull(),
    canonicalUrl: text('canonical_url'),
    /** MinHash signature of the article text (JSON array of numbers). */
    signature: text('signature').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('document_stories_story_idx').on(t.storyId), index('document_stories_url_idx').on(t.canonicalUrl)],
);
