import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: DATABASE_TEST_URL (`.ci/run` starts one on loopback). Without it
 * the Postgres tests are skipped locally, and fail in CI (CI=true), so they never skip silently there.
 */
export const POSTGRES_URL = process.env.DATABASE_TEST_URL ?? '';
if (!POSTGRES_URL && process.env.CI === 'true') {
  throw new Error('These tests need PostgreSQL: set DATABASE_TEST_URL (.ci/run starts a server).');
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client(POSTGRES_URL);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one test file; `drop` removes it (and any connection left to it). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `attache_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
