import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, POSTGRES_URL } from '../storage/postgres-env.ts';

/** A database the bot processes of a scale test share: the environment that selects it, and how to drop it. */
export interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function sqliteDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-scale-'));
  return {
    env: { DATABASE_PATH: join(dir, 'attache.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<Database> {
  const database = await freshDatabase();
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

/** The stores a scale test runs on: an SQLite file, and PostgreSQL with DATABASE_TEST_URL (postgres-env.ts fails the run in CI without it). */
export const stores: [string, () => Promise<Database>][] = [['SQLite file', sqliteDatabase]];
if (POSTGRES_URL) stores.push(['PostgreSQL', postgresDatabase]);
