import type { ConversationStore } from '../core/ports/conversation-store.ts';
import type { CorpusStore } from '../core/ports/corpus-store.ts';
import type { DigestStore } from '../core/ports/digest-store.ts';
import type { FeedStore } from '../core/ports/feed-store.ts';
import type { UsageStore } from '../core/ports/usage-store.ts';
import { type OpenedDatabase, openDatabase } from './open-database.ts';
import { openPostgres } from './pg/open-postgres.ts';
import { createPgConversationRepository } from './pg/pg-conversation-repository.ts';
import { createPgCorpusRepository } from './pg/pg-corpus-repository.ts';
import { createPgDigestRepository } from './pg/pg-digest-repository.ts';
import { createPgFeedRepository } from './pg/pg-feed-repository.ts';
import { createPgUsageRepository } from './pg/pg-usage-repository.ts';
import { createConversationRepository } from './repositories/conversation-repository.ts';
import { createCorpusRepository } from './repositories/corpus-repository.ts';
import { createDigestRepository } from './repositories/digest-repository.ts';
import { createFeedRepository } from './repositories/feed-repository.ts';
import { createUsageRepository } from './repositories/usage-repository.ts';
import type { SearchTuning } from './search/common-words.ts';

/** Every storage port, on one database. */
export interface Storage {
  kind: 'sqlite' | 'postgres';
  corpus: CorpusStore;
  conversations: ConversationStore;
  digests: DigestStore;
  feeds: FeedStore;
  usage: UsageStore;
  /** The SQLite database, when that is the store (bulk tools and tests reach its client). */
  sqlite?: OpenedDatabase;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** `postgres://…` selects PostgreSQL; otherwise the SQLite file at `path`. */
  url?: string | undefined;
  path: string;
  search?: SearchTuning;
}

/** Opens and migrates the configured database and wires every repository on it. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.url) {
    const opened = await openPostgres(options.url);
    return {
      kind: 'postgres',
      corpus: createPgCorpusRepository(opened.pool, options.search ? { search: options.search } : {}),
      conversations: createPgConversationRepository(opened.db),
      digests: createPgDigestRepository(opened.db),
      feeds: createPgFeedRepository(opened.db),
      usage: createPgUsageRepository(opened.db),
      close: () => opened.close(),
    };
  }
  const database = openDatabase(options.path);
  return {
    kind: 'sqlite',
    corpus: createCorpusRepository(database.db, options.search ? { search: options.search } : {}),
    conversations: createConversationRepository(database.db),
    digests: createDigestRepository(database.db),
    feeds: createFeedRepository(database.db),
    usage: createUsageRepository(database.db),
    sqlite: database,
    close: async () => database.close(),
  };
}
