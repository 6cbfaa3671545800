import { asc, count, sql, sum } from 'drizzle-orm';
import type { DailyUsage, UsageStore } from '../../core/ports/usage-store.ts';
import type { AppDatabase } from '../open-database.ts';
import { replyUsage } from '../schema.ts';

/** Token accounting in the `reply_usage` table: one row per Claude reply, summed per UTC day and model. */
export function createUsageRepository(db: AppDatabase): UsageStore {
  // created_at is an ISO timestamp in UTC, so its first ten characters are the UTC day.
  const day = sql<string>`substr(${replyUsage.createdAt}, 1, 10)`;
  return {
    async record(usage) {
      db.insert(replyUsage)
        .values({
          createdAt: usage.createdAt,
          engine: usage.engine,
          kind: usage.kind,
          model: usage.model,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
        })
        .run();
    },
    async dailyTotals(): Promise<DailyUsage[]> {
      const rows = db
        .select({
          day,
          model: replyUsage.model,
          replies: count(),
          inputTokens: sum(replyUsage.inputTokens),
          outputTokens: sum(replyUsage.outputTokens),
        })
        .from(replyUsage)
        .groupBy(day, replyUsage.model)
        .orderBy(asc(day), asc(replyUsage.model))
        .all();
      // SQLite SUM comes back as text through drizzle's sum(); the counts are whole numbers.
      return rows.map((row) => ({
        day: row.day,
        model: row.model,
        replies: row.replies,
        inputTokens: Number(row.inputTokens ?? 0),
        outputTokens: Number(row.outputTokens ?? 0),
      }));
    },
  };
}
