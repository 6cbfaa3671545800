import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type PgDatabase = NodePgDatabase<typeof schema>;

export interface OpenedPostgres {
  db: PgDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed key: migrations of several processes starting at once run one after another. */
const MIGRATION_LOCK = 7_411_013;

/**
 * Connects to PostgreSQL (`postgres://…`) and applies the committed pg migrations, under an advisory
 * lock so instances starting together do not race.
 */
export async function openPostgres(url: string): Promise<OpenedPostgres> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // A server that ends a connection (restart, failover, pg_terminate_backend) emits 'error' on the client, idle or
  // checked out; without a listener Node ends the process. The pool drops the dead client, and a query still
  // running on it fails with the error, so nothing is lost by not rethrowing here.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzle({ client: pool, schema }), pool, close: () => pool.end() };
}
