import { fileURLToPath } from 'node:url';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** An in-memory database with the real migrations and the seed corpus ingested. */
export async function seededStore(): Promise<{ database: OpenedDatabase; store: CorpusStore }> {
  const database = openDatabase(':memory:');
  const store = createCorpusRepository(database.db);
  await ingestFiles(store, [SEEDS_DIR]);
  return { database, store };
}
