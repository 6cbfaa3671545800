import { and, desc, eq, getTableColumns, gte, max, sql } from 'drizzle-orm';
import type {
  ClaimResult,
  DigestRunRecord,
  DigestStore,
  NewSubscription,
  RunClaim,
  SubscriptionRecord,
} from '../../core/ports/digest-store.ts';
import type { Platform } from '../../core/ports/sender.ts';
import type { AppDatabase } from '../open-database.ts';
import { digestRuns, documents, subscriptions } from '../schema.ts';
import {
  keywordColumns,
  type StoryDocumentRow,
  storiesAddedQuery,
  toContent,
  toDigestDocument,
  toRun,
  toSubscription,
} from '../shared/digest-rows.ts';

/** Every column but the content, which only the run's owner reads (runContent). */
const { content: _content, ...runColumns } = getTableColumns(digestRuns);

/** Only the claimant may change a claimed run; every write below is conditional on that. */
const owned = (claim: RunClaim) =>
  and(eq(digestRuns.id, claim.runId), eq(digestRuns.status, 'claimed'), eq(digestRuns.claimedBy, claim.claimedBy));

/** The row exactly as a reader saw it: a takeover or settlement wins only if nobody changed it since. */
const unchanged = (seen: DigestRunRecord) =>
  and(
    eq(digestRuns.id, seen.id),
    eq(digestRuns.status, 'claimed'),
    eq(digestRuns.attempts, seen.attempts),
    eq(digestRuns.claimedAt, seen.claimedAt),
    seen.claimedBy === null ? sql`${digestRuns.claimedBy} IS NULL` : eq(digestRuns.claimedBy, seen.claimedBy),
  );

/** SQLite implementation of the DigestStore port over `subscriptions` and `digest_runs`. */
export function createDigestRepository(db: AppDatabase): DigestStore {
  const activeOf = (platform: Platform, targetId: string) => {
    const row = db
      .select()
      .from(subscriptions)
      .where(
        and(eq(subscriptions.platform, platform), eq(subscriptions.targetId, targetId), eq(subscriptions.active, true)),
      )
      .get();
    return row ? toSubscription(row) : null;
  };

  return {
    async upsertSubscription(subscription: NewSubscription): Promise<SubscriptionRecord> {
      const input = { ...subscription, ...keywordColumns(subscription) };
      // IMMEDIATE: take the write lock before reading, so two processes cannot both insert.
      const row = db.transaction(
        (tx) => {
          // The target's newest row, active or not: reviving it keeps its run history, so
          // unsubscribing and subscribing again on the same day cannot post a second digest.
          const existing = tx
            .select({ id: subscriptions.id, active: subscriptions.active })
            .from(subscriptions)
            .where(and(eq(subscriptions.platform, input.platform), eq(subscriptions.targetId, input.targetId)))
            .orderBy(desc(subscriptions.id))
            .get();
          if (existing) {
            // A revived subscription starts now, so its inactive days are not recorded as missed.
            const { createdAt, ...changes } = input;
            return tx
              .update(subscriptions)
              .set({ ...changes, ...(existing.active ? {} : { createdAt }), active: true, deactivatedReason: null })
              .where(eq(subscriptions.id, existing.id))
              .returning()
              .get();
          }
          return tx.insert(subscriptions).values(input).returning().get();
        },
        { behavior: 'immediate' },
      );
      return toSubscription(row);
    },

    async deactivateTarget(platform, targetId, reason) {
      const result = db
        .update(subscriptions)
        .set({ active: false, deactivatedReason: reason })
        .where(
          and(
            eq(subscriptions.platform, platform),
            eq(subscriptions.targetId, targetId),
            eq(subscriptions.active, true),
          ),
        )
        .run();
      return result.changes > 0;
    },

    activeSubscription: async (platform, targetId) => activeOf(platform, targetId),

    async listActiveSubscriptions() {
      return db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.active, true))
        .orderBy(subscriptions.id)
        .all()
        .map(toSubscription);
    },

    async runsSince(localDate) {
      return db
        .select(runColumns)
        .from(digestRuns)
        .innerJoin(subscriptions, eq(subscriptions.id, digestRuns.subscriptionId))
        .where(and(eq(subscriptions.active, true), gte(digestRuns.localDate, localDate)))
        .all()
        .map(toRun);
    },

    async runsOf(subscriptionId, localDate) {
      return db
        .select(runColumns)
        .from(digestRuns)
        .where(and(eq(digestRuns.subscriptionId, subscriptionId), gte(digestRuns.localDate, localDate)))
        .all()
        .map(toRun);
    },

    async latestRun(subscriptionId) {
      const row = db
        .select(runColumns)
        .from(digestRuns)
        .where(eq(digestRuns.subscriptionId, subscriptionId))
        .orderBy(desc(digestRuns.localDate))
        .limit(1)
        .get();
      return row ? toRun(row) : null;
    },

    async lastSentRun(subscriptionId) {
      const row = db
        .select(runColumns)
        .from(digestRuns)
        .where(and(eq(digestRuns.subscriptionId, subscriptionId), eq(digestRuns.status, 'sent')))
        .orderBy(desc(digestRuns.localDate))
        .limit(1)
        .get();
      return row ? toRun(row) : null;
    },

    async claimRun({ subscriptionId, localDate, claimedBy, at }): Promise<ClaimResult> {
      return db.transaction(
        (tx) => {
          const active = tx
            .select({ id: subscriptions.id })
            .from(subscriptions)
            .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.active, true)))
            .get();
          if (!active) return { outcome: 'inactive' };
          // The unique (subscription, local date) key is the lock: the first insert wins.
          const inserted = tx
            .insert(digestRuns)
            .values({ subscriptionId, localDate, status: 'claimed', attempts: 0, claimedBy, claimedAt: at })
            .onConflictDoNothing()
            .returning(runColumns)
            .get();
          if (inserted) return { outcome: 'claimed', run: toRun(inserted) };
          const existing = tx
            .select(runColumns)
            .from(digestRuns)
            .where(and(eq(digestRuns.subscriptionId, subscriptionId), eq(digestRuns.localDate, localDate)))
            .get();
          if (!existing) throw new Error('digest run vanished during its claim');
          return { outcome: 'exists', run: toRun(existing) };
        },
        { behavior: 'immediate' },
      );
    },

    async takeOverRun(seen, claimedBy, at) {
      return db.update(digestRuns).set({ claimedBy, claimedAt: at }).where(unchanged(seen)).run().changes === 1;
    },

    async failInterruptedRun(seen, reason, at) {
      return (
        db.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(unchanged(seen)).run()
          .changes === 1
      );
    },

    async renewClaim(claim, at) {
      return db.update(digestRuns).set({ claimedAt: at }).where(owned(claim)).run().changes === 1;
    },

    async saveContent(claim, content, coveredUntil, at) {
      return (
        db
          .update(digestRuns)
          .set({ content: JSON.stringify(content), coveredUntil, claimedAt: at })
          .where(owned(claim))
          .run().changes === 1
      );
    },

    async runContent(runId) {
      const row = db
        .select({ content: digestRuns.content, coveredUntil: digestRuns.coveredUntil })
        .from(digestRuns)
        .where(eq(digestRuns.id, runId))
        .get();
      const content = toContent(row?.content ?? null);
      return row && content ? { content, coveredUntil: row.coveredUntil } : null;
    },

    async recordAttempt(claim, part, at) {
      return (
        db
          .update(digestRuns)
          .set({ attempts: sql`${digestRuns.attempts} + 1`, claimedAt: at, partStartedAt: at })
          .where(and(owned(claim), eq(digestRuns.partsSent, part)))
          .run().changes === 1
      );
    },

    async confirmPart(claim, { part, messageIds, note, at }) {
      return (
        db
          .update(digestRuns)
          .set({
            partsSent: part + 1,
            partStartedAt: null,
            messageIds: JSON.stringify(messageIds),
            claimedAt: at,
            ...(note === undefined ? {} : { lastError: note }),
          })
          .where(and(owned(claim), eq(digestRuns.partsSent, part)))
          .run().changes === 1
      );
    },

    async markSent(claim, { messageIds, coveredUntil, at }) {
      return (
        db
          .update(digestRuns)
          .set({
            status: 'sent',
            messageIds: JSON.stringify(messageIds),
            coveredUntil,
            finishedAt: at,
          })
          .where(owned(claim))
          .run().changes === 1
      );
    },

    async markFailed(claim, reason, at) {
      return (
        db.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(owned(claim)).run()
          .changes === 1
      );
    },

    async markGone(claim, subscriptionId, reason, at) {
      db.transaction((tx) => {
        tx.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(owned(claim)).run();
        tx.update(subscriptions)
          .set({ active: false, deactivatedReason: reason })
          .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.active, true)))
          .run();
      });
    },

    async recordSkipped({ subscriptionId, localDate, reason, at }) {
      const result = db
        .insert(digestRuns)
        .values({ subscriptionId, localDate, status: 'skipped', lastError: reason, claimedAt: at, finishedAt: at })
        .onConflictDoNothing()
        .run();
      return result.changes === 1;
    },

    async corpusWatermark() {
      return (
        db
          .select({ newest: max(documents.ingestedAt) })
          .from(documents)
          .get()?.newest ?? null
      );
    },

    async storiesAddedBetween(after, until, limit) {
      return db.all<StoryDocumentRow>(storiesAddedQuery(after, until, limit)).map(toDigestDocument);
    },
  };
}
