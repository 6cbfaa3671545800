import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { UpdateClaimStore, UpdateKey } from '../../core/ports/update-claims.ts';
import type { PgDatabase } from './open-postgres.ts';
import { handledUpdates } from './schema.ts';

const keyOf = (key: UpdateKey) =>
  and(eq(handledUpdates.platform, key.platform), eq(handledUpdates.updateId, key.updateId));

/** PostgreSQL implementation of the UpdateClaimStore port over `handled_updates`. */
export function createPgUpdateClaimRepository(db: PgDatabase): UpdateClaimStore {
  return {
    async claimUpdate(key, owner, now, leaseUntil) {
      // INSERT … ON CONFLICT DO UPDATE … WHERE locks the conflicting row: of concurrent claimants one gets it.
      const [claimed] = await db
        .insert(handledUpdates)
        .values({ ...key, owner, leaseUntil, createdAt: now })
        .onConflictDoUpdate({
          target: [handledUpdates.platform, handledUpdates.updateId],
          set: { owner, leaseUntil },
          setWhere: and(isNull(handledUpdates.doneAt), sql`${handledUpdates.leaseUntil} <= ${now}`),
        })
        .returning({ owner: handledUpdates.owner });
      if (claimed) return 'claimed';
      const [row] = await db.select({ doneAt: handledUpdates.doneAt }).from(handledUpdates).where(keyOf(key));
      return row?.doneAt ? 'done' : 'busy';
    },

    async renewUpdate(key, owner, leaseUntil) {
      const where = and(keyOf(key), eq(handledUpdates.owner, owner), isNull(handledUpdates.doneAt));
      const rows = await db
        .update(handledUpdates)
        .set({ leaseUntil })
        .where(where)
        .returning({ owner: handledUpdates.owner });
      return rows.length === 1;
    },

    async finishUpdate(key, owner, at) {
      const where = and(keyOf(key), eq(handledUpdates.owner, owner), isNull(handledUpdates.doneAt));
      const rows = await db
        .update(handledUpdates)
        .set({ doneAt: at })
        .where(where)
        .returning({ owner: handledUpdates.owner });
      return rows.length === 1;
    },

    async pruneUpdates(before) {
      const rows = await db
        .delete(handledUpdates)
        .where(lt(handledUpdates.createdAt, before))
        .returning({ owner: handledUpdates.owner });
      return rows.length;
    },
  };
}
