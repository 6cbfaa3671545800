import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databaseError } from './database-errors.ts';
import * as schema from './schema.ts';

export type AppDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  db: AppDatabase;
  client: Database.Database;
  /** True when the file had no migrations applied before this open. */
  isNew: boolean;
  close(): void;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) the SQLite file, turns on WAL and foreign keys,
 * and applies the committed migrations. Pass ':memory:' for tests. A file that cannot be used throws a
 * StorageError whose one-line message names it and what to do.
 */
export function openDatabase(path: string): OpenedDatabase {
  let client: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    client = new Database(path);
    // Two processes may share the file (scheduler + CLI); wait instead of failing on a lock. Set first, so
    // even switching to WAL waits for a lock held elsewhere.
    client.pragma('busy_timeout = 5000');
    client.pragma('journal_mode = WAL');
    client.pragma('foreign_keys = ON');
    client.pragma('synchronous = NORMAL');
    const hadMigrations = client
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder });
    const opened = client;
    return {
      db,
      client: opened,
      isNew: hadMigrations === undefined,
      close: () => {
        if (opened.open) opened.close();
      },
    };
  } catch (error) {
    if (client?.open) client.close();
    throw databaseError(error, path) ?? error;
  }
}
