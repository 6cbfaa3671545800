import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { ConversationStore, ConversationTurn } from '../../core/ports/conversation-store.ts';
import type { AppDatabase } from '../open-database.ts';
import { conversationTurns } from '../schema.ts';

const citation = z.object({
  n: z.number(),
  documentId: z.string(),
  passageId: z.string(),
  quote: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
});

/** The turn fields kept in the JSON payload column (the rest have columns of their own). */
const payloadSchema = z.object({
  request: z.string(),
  resolvedRequest: z.string(),
  status: z.enum(['answered', 'partial', 'refused']),
  replyText: z.string(),
  entities: z.array(z.string()),
  shownPassageIds: z.array(z.string()),
  pendingPassageIds: z.array(z.string()),
  citations: z.array(citation).optional(),
});

const kindSchema = z.enum(['briefing', 'answer']);

type Row = typeof conversationTurns.$inferSelect;

/** A stored row as a turn, or null when the row is not one this version can read (skipped, not fatal). */
function toTurn(row: Row): ConversationTurn | null {
  let json: unknown;
  try {
    json = JSON.parse(row.payload);
  } catch {
    return null;
  }
  const payload = payloadSchema.safeParse(json);
  const kind = kindSchema.safeParse(row.kind);
  if (!payload.success || !kind.success) return null;
  return { conversationId: row.conversationId, createdAt: row.createdAt, kind: kind.data, ...payload.data };
}

/** SQLite conversation memory over `conversation_turns`; the turn's details live in a JSON payload. */
export function createConversationRepository(db: AppDatabase): ConversationStore {
  return {
    async recent(conversationId, since, limit) {
      const rows = db
        .select()
        .from(conversationTurns)
        .where(
          and(
            eq(conversationTurns.conversationId, conversationId),
            gte(conversationTurns.createdAt, since.toISOString()),
          ),
        )
        .orderBy(desc(conversationTurns.createdAt), desc(conversationTurns.id))
        .limit(Math.max(0, limit))
        .all();
      return rows
        .reverse()
        .map(toTurn)
        .filter((turn): turn is ConversationTurn => turn !== null);
    },

    async append(turn) {
      const { conversationId, createdAt, kind, ...rest } = turn;
      const payload = payloadSchema.parse(rest);
      db.insert(conversationTurns)
        .values({ conversationId, createdAt, kind, payload: JSON.stringify(payload) })
        .run();
    },

    async purgeBefore(before) {
      return db.delete(conversationTurns).where(lt(conversationTurns.createdAt, before.toISOString())).run().changes;
    },
  };
}
