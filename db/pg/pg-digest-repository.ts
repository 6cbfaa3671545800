import { and, desc, eq, getTableColumns, gte, max, sql } from 'drizzle-orm';
import type { ClaimResult, DigestRunRecord, DigestStore, RunClaim } from '../../core/ports/digest-store.ts';
import {
  keywordColumns,
  type StoryDocumentRow,
  storiesAddedQuery,
  toContent,
  toDigestDocument,
  toRun,
  toSubscription,
} from '../shared/digest-rows.ts';
import type { PgDatabase } from './open-postgres.ts';
import { digestRuns, documents, subscriptions } from './schema.ts';

/** Every column but the content, which only the run's owner reads (runContent). */
const { content: _content, ...runColumns } = getTableColumns(digestRuns);

const owned = (claim: RunClaim) =>
  and(eq(digestRuns.id, claim.runId), eq(digestRuns.status, 'claimed'), eq(digestRuns.claimedBy, claim.claimedBy));

const unchanged = (seen: DigestRunRecord) =>
  and(
    eq(digestRuns.id, seen.id),
    eq(digestRuns.status, 'claimed'),
    eq(digestRuns.attempts, seen.attempts),
    eq(digestRuns.claimedAt, seen.claimedAt),
    seen.claimedBy === null ? sql`${digestRuns.claimedBy} IS NULL` : eq(digestRuns.claimedBy, seen.claimedBy),
  );

const changedOne = (result: { rowCount: number | null }) => result.rowCount === 1;

/**
 * PostgreSQL implementation of the DigestStore port. As on SQLite, the unique (subscription, local date)
 * row is the lock and every later write is conditional on the row being as its claimant left it, so
 * processes on several machines post each digest once.
 */
export function createPgDigestRepository(db: PgDatabase): DigestStore {
  return {
    async upsertSubscription(subscription) {
      const input = { ...subscription, ...keywordColumns(subscription) };
      return db.transaction(async (tx) => {
        // One writer per target at a time: a transaction-scoped lock on the target's key.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${input.platform}:${input.targetId}`}))`);
        const [existing] = await tx
          .select({ id: subscriptions.id, active: subscriptions.active })
          .from(subscriptions)
          .where(and(eq(subscriptions.platform, input.platform), eq(subscriptions.targetId, input.targetId)))
          .orderBy(desc(subscriptions.id))
          .limit(1);
        if (existing) {
          const { createdAt, ...changes } = input;
          const [row] = await tx
            .update(subscriptions)
            .set({ ...changes, ...(existing.active ? {} : { createdAt }), active: true, deactivatedReason: null })
            .where(eq(subscriptions.id, existing.id))
            .returning();
          if (!row) throw new Error('subscription vanished during its update');
          return toSubscription(row);
        }
        const [row] = await tx.insert(subscriptions).values(input).returning();
        if (!row) throw new Error('subscription insert returned nothing');
        return toSubscription(row);
      });
    },

    async deactivateTarget(platform, targetId, reason) {
      const result = await db
        .update(subscriptions)
        .set({ active: false, deactivatedReason: reason })
        .where(
          and(
            eq(subscriptions.platform, platform),
            eq(subscriptions.targetId, targetId),
            eq(subscriptions.active, true),
          ),
        );
      return (result.rowCount ?? 0) > 0;
    },

    async activeSubscription(platform, targetId) {
      const [row] = await db
        .select()
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.platform, platform),
            eq(subscriptions.targetId, targetId),
            eq(subscriptions.active, true),
          ),
        );
      return row ? toSubscription(row) : null;
    },

    async listActiveSubscriptions() {
      const rows = await db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.active, true))
        .orderBy(subscriptions.id);
      return rows.map(toSubscription);
    },

    async runsSince(localDate) {
      const rows = await db
        .select(runColumns)
        .from(digestRuns)
        .innerJoin(subscriptions, eq(subscriptions.id, digestRuns.subscriptionId))
        .where(and(eq(subscriptions.active, true), gte(digestRuns.localDate, localDate)));
      return rows.map(toRun);
    },

    async runsOf(subscriptionId, localDate) {
      const rows = await db
        .select(runColumns)
        .from(digestRuns)
        .where(and(eq(digestRuns.subscriptionId, subscriptionId), gte(digestRuns.localDate, localDate)));
      return rows.map(toRun);
    },

    async latestRun(subscriptionId) {
      const [row] = await db
        .select(runColumns)
        .from(digestRuns)
        .where(eq(digestRuns.subscriptionId, subscriptionId))
        .orderBy(desc(digestRuns.localDate))
        .limit(1);
      return row ? toRun(row) : null;
    },

    async lastSentRun(subscriptionId) {
      const [row] = await db
        .select(runColumns)
        .from(digestRuns)
        .where(and(eq(digestRuns.subscriptionId, subscriptionId), eq(digestRuns.status, 'sent')))
        .orderBy(desc(digestRuns.localDate))
        .limit(1);
      return row ? toRun(row) : null;
    },

    async claimRun({ subscriptionId, localDate, claimedBy, at }): Promise<ClaimResult> {
      return db.transaction(async (tx) => {
        // FOR SHARE: the subscription cannot be deactivated between this check and the claim.
        const [active] = await tx
          .select({ id: subscriptions.id })
          .from(subscriptions)
          .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.active, true)))
          .for('share');
        if (!active) return { outcome: 'inactive' };
        // The unique (subscription, local date) key is the lock: the first insert wins.
        const [inserted] = await tx
          .insert(digestRuns)
          .values({ subscriptionId, localDate, status: 'claimed', attempts: 0, claimedBy, claimedAt: at })
          .onConflictDoNothing()
          .returning(runColumns);
        if (inserted) return { outcome: 'claimed', run: toRun(inserted) };
        const [existing] = await tx
          .select(runColumns)
          .from(digestRuns)
          .where(and(eq(digestRuns.subscriptionId, subscriptionId), eq(digestRuns.localDate, localDate)));
        if (!existing) throw new Error('digest run vanished during its claim');
        return { outcome: 'exists', run: toRun(existing) };
      });
    },

    async takeOverRun(seen, claimedBy, at) {
      return changedOne(await db.update(digestRuns).set({ claimedBy, claimedAt: at }).where(unchanged(seen)));
    },

    async failInterruptedRun(seen, reason, at) {
      return changedOne(
        await db.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(unchanged(seen)),
      );
    },

    async renewClaim(claim, at) {
      return changedOne(await db.update(digestRuns).set({ claimedAt: at }).where(owned(claim)));
    },

    async saveContent(claim, content, coveredUntil, at) {
      return changedOne(
        await db
          .update(digestRuns)
          .set({ content: JSON.stringify(content), coveredUntil, claimedAt: at })
          .where(owned(claim)),
      );
    },

    async runContent(runId) {
      const [row] = await db
        .select({ content: digestRuns.content, coveredUntil: digestRuns.coveredUntil })
        .from(digestRuns)
        .where(eq(digestRuns.id, runId));
      const content = toContent(row?.content ?? null);
      return row && content ? { content, coveredUntil: row.coveredUntil } : null;
    },

    async recordAttempt(claim, part, at) {
      return changedOne(
        await db
          .update(digestRuns)
          .set({ attempts: sql`${digestRuns.attempts} + 1`, claimedAt: at, partStartedAt: at })
          .where(and(owned(claim), eq(digestRuns.partsSent, part))),
      );
    },

    async confirmPart(claim, { part, messageIds, note, at }) {
      return changedOne(
        await db
          .update(digestRuns)
          .set({
            partsSent: part + 1,
            partStartedAt: null,
            messageIds: JSON.stringify(messageIds),
            claimedAt: at,
            ...(note === undefined ? {} : { lastError: note }),
          })
          .where(and(owned(claim), eq(digestRuns.partsSent, part))),
      );
    },

    async markSent(claim, { messageIds, coveredUntil, at }) {
      return changedOne(
        await db
          .update(digestRuns)
          .set({
            status: 'sent',
            messageIds: JSON.stringify(messageIds),
            coveredUntil,
            finishedAt: at,
          })
          .where(owned(claim)),
      );
    },

    async markFailed(claim, reason, at) {
      return changedOne(
        await db.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(owned(claim)),
      );
    },

    async markGone(claim, subscriptionId, reason, at) {
      await db.transaction(async (tx) => {
        await tx.update(digestRuns).set({ status: 'failed', lastError: reason, finishedAt: at }).where(owned(claim));
        await tx
          .update(subscriptions)
          .set({ active: false, deactivatedReason: reason })
          .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.active, true)));
      });
    },

    async recordSkipped({ subscriptionId, localDate, reason, at }) {
      const result = await db
        .insert(digestRuns)
        .values({ subscriptionId, localDate, status: 'skipped', lastError: reason, claimedAt: at, finishedAt: at })
        .onConflictDoNothing();
      return changedOne(result);
    },

    async corpusWatermark() {
      const [row] = await db.select({ newest: max(documents.ingestedAt) }).from(documents);
      return row?.newest ?? null;
    },

    async storiesAddedBetween(after, until, limit) {
      const result = await db.execute<StoryDocumentRow>(storiesAddedQuery(after, until, limit));
      return result.rows.map(toDigestDocument);
    },
  };
}
