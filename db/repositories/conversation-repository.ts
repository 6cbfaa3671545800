import type { ConversationStore } from '../../core/ports/conversation-store.ts';
import type { AppDatabase } from '../open-database.ts';

/** PLACEHOLDER (the engine issue implements it): SQLite conversation memory. */
export function createConversationRepository(_db: AppDatabase): ConversationStore {
  return {
    recent: () => [],
    append: () => {},
    purgeBefore: () => 0,
  };
}
