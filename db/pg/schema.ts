/** The PostgreSQL schema: the same tables as db/schema.ts, plus the postings search reads (db/pg/pg-search.ts). */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** bytea (drizzle-orm's pg-core has no built-in column for it). */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const documents = pgTable('documents', {
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
  firstIngestedAt: text('first_ingested_at'),
});

export const passages = pgTable(
  'passages',
  {
    /** Dense integer key the postings refer to (SQLite's rowid). */
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    id: text('id').notNull(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    /** Length in index terms (FTS5's tokenizer, computed in db/search/fts5-terms.ts): BM25's document length. */
    length: integer('length').notNull(),
  },
  (t) => [uniqueIndex('passages_id_unique').on(t.id), index('passages_document_idx').on(t.documentId, t.ordinal)],
);

/**
 * The index's vocabulary: each FTS5 term (db/search/fts5-terms.ts) with the number of passages it occurs in
 * (BM25's n), kept in the same transaction as the postings, so a query reads its IDF without counting.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Compared byte-wise (COLLATE "C" in the migration): terms are lower-case index keys, not prose. */
    term: text('term').notNull(),
    passages: integer('passages').notNull(),
    /** Entries in `tail`: past BLOCK_ENTRIES (db/pg/pg-blocks.ts) ingest cuts it into blocks of posting_blocks. */
    tailEntries: integer('tail_entries').notNull().default(0),
    /**
     * The term's newest postings, packed as a block is (db/pg/pg-blocks.ts), after every block of posting_blocks:
     * ingest appends to it in the same in-place update that counts the term's passages.
     */
    tail: bytea('tail').notNull().default(sql`''::bytea`),
  },
  (t) => [uniqueIndex('search_terms_term_unique').on(t.term)],
);

/**
 * The inverted index, packed: each row holds up to a block's worth of one term's postings, ascending by
 * passage seq, as varint chunks (seq gap, tf, passage length: about 3 bytes an entry; db/pg/pg-blocks.ts). A
 * list is one range of the primary key, which the migration makes INCLUDE data (an index-only scan, blocks side
 * by side), a few thousand rows where per-posting rows were hundreds of thousands, and
 * ingest writes a row per term and batch (appending to the term's last block while it has room) instead of
 * a B-tree entry per term and passage. `first_seq` is the block's key (no entry below it); `last_seq` its
 * highest entry.
 */
export const postingBlocks = pgTable(
  'posting_blocks',
  {
    termId: integer('term_id').notNull(),
    firstSeq: integer('first_seq').notNull(),
    lastSeq: integer('last_seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.firstSeq] })],
);

/** BM25's N and total length, kept with every write (one row), and a count of removals. */
export const corpusTotals = pgTable('corpus_totals', {
  id: integer('id').primaryKey(),
  passages: bigint('passages', { mode: 'number' }).notNull(),
  terms: bigint('terms', { mode: 'number' }).notNull(),
  /** Passages ever removed: when it moves, cached postings lists are dropped (db/pg/pg-list-cache.ts). */
  removals: bigint('removals', { mode: 'number' }).notNull().default(0),
});

export const conversationTurns = pgTable(
  'conversation_turns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id').notNull(),
    createdAt: text('created_at').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [index('conversation_turns_lookup_idx').on(t.conversationId, t.createdAt)],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // An opaque platform name: core and the database know no list of platforms (adapters do).
    platform: text('platform').notNull(),
    targetId: text('target_id').notNull(),
    guildId: text('guild_id'),
    localTime: text('local_time').notNull(),
    timezone: text('timezone').notNull(),
    topic: text('topic'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    active: boolean('active').notNull().default(true),
    deactivatedReason: text('deactivated_reason'),
    includeKeywords: text('include_keywords').notNull().default('[]'),
    excludeKeywords: text('exclude_keywords').notNull().default('[]'),
    whenEmpty: text('when_empty', { enum: ['notice', 'silent'] })
      .notNull()
      .default('notice'),
  },
  (t) => [
    index('subscriptions_target_idx').on(t.platform, t.targetId),
    uniqueIndex('subscriptions_active_target_unique').on(t.platform, t.targetId).where(sql`${t.active}`),
  ],
);

export const digestRuns = pgTable(
  'digest_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageIds: text('message_ids'),
    claimedBy: text('claimed_by'),
    claimedAt: text('claimed_at').notNull(),
    finishedAt: text('finished_at'),
    coveredUntil: text('covered_until'),
    content: text('content'),
    partsSent: integer('parts_sent').notNull().default(0),
    partStartedAt: text('part_started_at'),
  },
  (t) => [uniqueIndex('digest_runs_subscription_date_unique').on(t.subscriptionId, t.localDate)],
);

export const replyUsage = pgTable(
  'reply_usage',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    createdAt: text('created_at').notNull(),
    engine: text('engine').notNull(),
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
  },
  (t) => [index('reply_usage_created_idx').on(t.createdAt)],
);

/** Feeds the operator follows, as in db/schema.ts; claimed with FOR UPDATE SKIP LOCKED and a lease. */
export const feeds = pgTable(
  'feeds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    url: text('url').notNull(),
    outlet: text('outlet'),
    title: text('title'),
    everyMinutes: integer('every_minutes').notNull().default(30),
    etag: text('etag'),
    lastModified: text('last_modified'),
    nextPollAt: text('next_poll_at').notNull(),
    lastPolledAt: text('last_polled_at'),
    lastError: text('last_error'),
    failures: integer('failures').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('feeds_url_unique').on(t.url), index('feeds_due_idx').on(t.nextPollAt)],
);

/** Every item seen in a feed; the unique (feed, key) row is the claim that makes each item ingested once. */
export const feedItems = pgTable(
  'feed_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    feedId: integer('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    url: text('url'),
    itemHash: text('item_hash').notNull(),
    documentId: text('document_id'),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set while claimed but not yet stored (when the claim runs out); null once stored. */
    claimedUntil: text('claimed_until'),
  },
  (t) => [uniqueIndex('feed_items_key_unique').on(t.feedId, t.itemKey)],
);

/** Incoming platform updates claimed by the instance handling them (see db/schema.ts). */
export const handledUpdates = pgTable(
  'handled_updates',
  {
    platform: text('platform').notNull(),
    updateId: text('update_id').notNull(),
    owner: text('owner').notNull(),
    leaseUntil: text('lease_until').notNull(),
    doneAt: text('done_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] }), index('handled_updates_created_idx').on(t.createdAt)],
);

/** The story each document belongs to (MinHash signature as a JSON array). */
export const documentStories = pgTable(
  'document_stories',
  {
    documentId: text('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    storyId: text('story_id').notNull(),
    canonicalUrl: text('canonical_url'),
    signature: text('signature').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('document_stories_story_idx').on(t.storyId), index('document_stories_url_idx').on(t.canonicalUrl)],
);
