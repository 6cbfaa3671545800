import type { Clock } from '../ports/clock.ts';
import type { ConversationStore, ConversationTurn } from '../ports/conversation-store.ts';

/** How much of a conversation is remembered. */
export const MEMORY = {
  /** Turns a follow-up can refer back to. */
  turns: 6,
  /** Turns older than this are forgotten (and purged). */
  ttlMs: 24 * 60 * 60 * 1000,
  /** Expired turns are deleted at most this often. */
  purgeEveryMs: 60 * 60 * 1000,
} as const;

export interface Memory {
  /** The conversation's turns of the last 24 hours, oldest first (at most MEMORY.turns). */
  recent(conversationId: string): Promise<ConversationTurn[]>;
  /** Stores a turn (stamped with the clock), purging expired turns now and then. */
  remember(turn: Omit<ConversationTurn, 'createdAt'>): Promise<void>;
}

/** Conversation memory with a 24-hour horizon over the ConversationStore port. */
export function createMemory(store: ConversationStore, clock: Clock): Memory {
  let lastPurge = Number.NEGATIVE_INFINITY;
  return {
    async recent(conversationId) {
      const since = new Date(clock.now().getTime() - MEMORY.ttlMs);
      return store.recent(conversationId, since, MEMORY.turns);
    },
    async remember(turn) {
      const now = clock.now();
      await store.append({ ...turn, createdAt: now.toISOString() });
      if (now.getTime() - lastPurge >= MEMORY.purgeEveryMs) {
        lastPurge = now.getTime();
        await store.purgeBefore(new Date(now.getTime() - MEMORY.ttlMs));
      }
    },
  };
}
