import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { UpdateClaimStore, UpdateKey } from '../../core/ports/update-claims.ts';
import type { AppDatabase } from '../open-database.ts';
import { handledUpdates } from '../schema.ts';

const keyOf = (key: UpdateKey) =>
  and(eq(handledUpdates.platform, key.platform), eq(handledUpdates.updateId, key.updateId));

/** SQLite implementation of the UpdateClaimStore port over `handled_updates`. */
export function createUpdateClaimRepository(db: AppDatabase): UpdateClaimStore {
  return {
    async claimUpdate(key, owner, now, leaseUntil) {
      // One upsert under SQLite's write lock: a new row, or an unfinished claim whose lease ran out, is ours.
      const claimed = db
        .insert(handledUpdates)
        .values({ ...key, owner, leaseUntil, createdAt: now })
        .onConflictDoUpdate({
          target: [handledUpdates.platform, handledUpdates.updateId],
          set: { owner, leaseUntil },
          setWhere: and(isNull(handledUpdates.doneAt), sql`${handledUpdates.leaseUntil} <= ${now}`),
        })
        .returning({ owner: handledUpdates.owner })
        .get();
      if (claimed) return 'claimed';
      const row = db.select({ doneAt: handledUpdates.doneAt }).from(handledUpdates).where(keyOf(key)).get();
      return row?.doneAt ? 'done' : 'busy';
    },

    async renewUpdate(key, owner, leaseUntil) {
      const where = and(keyOf(key), eq(handledUpdates.owner, owner), isNull(handledUpdates.doneAt));
      return db.update(handledUpdates).set({ leaseUntil }).where(where).run().changes === 1;
    },

    async finishUpdate(key, owner, at) {
      const where = and(keyOf(key), eq(handledUpdates.owner, owner), isNull(handledUpdates.doneAt));
      return db.update(handledUpdates).set({ doneAt: at }).where(where).run().changes === 1;
    },

    async pruneUpdates(before) {
      return db.delete(handledUpdates).where(lt(handledUpdates.createdAt, before)).run().changes;
    },
  };
}
