import { asc, count, sql, sum } from 'drizzle-orm';
import type { UsageStore } from '../../core/ports/usage-store.ts';
import type { PgDatabase } from './open-postgres.ts';
import { replyUsage } from './schema.ts';

/** Token accounting in PostgreSQL's `reply_usage`, summed per UTC day and model like the SQLite store. */
export function createPgUsageRepository(db: PgDatabase): UsageStore {
  const day = sql<string>`substr(${replyUsage.createdAt}, 1, 10)`;
  return {
    async record(usage) {
      await db.insert(replyUsage).values({
        createdAt: usage.createdAt,
        engine: usage.engine,
        kind: usage.kind,
        model: usage.model,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
      });
    },
    async dailyTotals() {
      const rows = await db
        .select({
          day,
          model: replyUsage.model,
          replies: count(),
          inputTokens: sum(replyUsage.inputTokens),
          outputTokens: sum(replyUsage.outputTokens),
        })
        .from(replyUsage)
        .groupBy(day, replyUsage.model)
        .orderBy(asc(day), asc(replyUsage.model));
      return rows.map((row) => ({
        day: row.day,
        model: row.model,
        replies: Number(row.replies),
        inputTokens: Number(row.inputTokens ?? 0),
        outputTokens: Number(row.outputTokens ?? 0),
      }));
    },
  };
}
