import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { ConversationStore, ConversationTurn } from '../../core/ports/conversation-store.ts';
import { payloadSchema, toTurn } from '../repositories/conversation-repository.ts';
import type { PgDatabase } from './open-postgres.ts';
import { conversationTurns } from './schema.ts';

/** PostgreSQL conversation memory: the same rows and JSON payload as the SQLite store. */
export function createPgConversationRepository(db: PgDatabase): ConversationStore {
  return {
    async recent(conversationId, since, limit) {
      const rows = await db
        .select()
        .from(conversationTurns)
        .where(
          and(
            eq(conversationTurns.conversationId, conversationId),
            gte(conversationTurns.createdAt, since.toISOString()),
          ),
        )
        .orderBy(desc(conversationTurns.createdAt), desc(conversationTurns.id))
        .limit(Math.max(0, limit));
      return rows
        .reverse()
        .map(toTurn)
        .filter((turn): turn is ConversationTurn => turn !== null);
    },

    async append(turn) {
      const { conversationId, createdAt, kind, ...rest } = turn;
      const payload = payloadSchema.parse(rest);
      await db.insert(conversationTurns).values({ conversationId, createdAt, kind, payload: JSON.stringify(payload) });
    },

    async purgeBefore(before) {
      const result = await db.delete(conversationTurns).where(lt(conversationTurns.createdAt, before.toISOString()));
      return result.rowCount ?? 0;
    },
  };
}
