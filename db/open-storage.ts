import type { ConversationStore } from '../core/ports/conversation-store.ts';
import type { CorpusStore } from '../core/ports/corpus-store.ts';
import type { DigestStore } from '../core/ports/digest-store.ts';
import type { FeedStore } from '../core/ports/feed-store.ts';
import type { UpdateClaimStore } from '../core/ports/update-claims.ts';
import type { UsageStore } from '../core/ports/usage-store.ts';
import { type OpenedDatabase, openDatabase } from './open-database.ts';
import { createConversationRepository } from './repositories/conversation-repository.ts';
import { createCorpusRepository } from './repositories/corpus-repository.ts';
import { createDigestRepository } from './repositories/digest-repository.ts';
import { createFeedRepository } from './repositories/feed-repository.ts';
import { createUpdateClaimRepository } from './repositories/update-claim-repository.ts';
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
  /** Claims on incoming platform updates (a Telegram update re-sent to another instance is handled once). */
  updates: UpdateClaimStore;
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

/** Opens PostgreSQL; its driver and repositories are imported only here, so the SQLite default never loads them. */
async function openPostgresStorage(url: string, search: SearchTuning | undefined): Promise<Storage> {
  const [
    { openPostgres },
    { createPgConversationRepository },
    { createPgCorpusRepository },
    pgDigests,
    pgFeeds,
    pgUsage,
    pgUpdates,
  ] = await Promise.all([
    import('./pg/open-postgres.ts'),
    import('./pg/pg-conversation-repository.ts'),
    import('./pg/pg-corpus-repository.ts'),
    import('./pg/pg-digest-repository.ts'),
    import('./pg/pg-feed-repository.ts'),
    import('./pg/pg-usage-repository.ts'),
    import('./pg/pg-update-claim-repository.ts'),
  ]);
  const opened = await openPostgres(url);
  return {
    kind: 'postgres',
    corpus: createPgCorpusRepository(opened.pool, search ? { search } : {}),
    conversations: createPgConversationRepository(opened.db),
    digests: pgDigests.createPgDigestRepository(opened.db),
    feeds: pgFeeds.createPgFeedRepository(opened.db),
    usage: pgUsage.createPgUsageRepository(opened.db),
    updates: pgUpdates.createPgUpdateClaimRepository(opened.db),
    close: () => opened.close(),
  };
}

/** Opens and migrates the configured database and wires every repository on it. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.url) return openPostgresStorage(options.url, options.search);
  const database = openDatabase(options.path);
  return {
    kind: 'sqlite',
    corpus: createCorpusRepository(database.db, options.search ? { search: options.search } : {}),
    conversations: createConversationRepository(database.db),
    digests: createDigestRepository(database.db),
    feeds: createFeedRepository(database.db),
    usage: createUsageRepository(database.db),
    updates: createUpdateClaimRepository(database.db),
    sqlite: database,
    close: async () => database.close(),
  };
}
