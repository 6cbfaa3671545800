import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { searchPassages } from '../../../core/retrieval/search-passages.ts';
import { openStorage, type Storage } from '../../../db/open-storage.ts';
import type { CorpusGenerator } from '../corpus-generator.ts';
import type { QuerySet } from '../queries.ts';
import type { SearchCaseResult } from '../results.ts';
import { currentRssMb, peakRssMb, timeEach } from '../stats.ts';
import { ingestFigures, ingestInBatchesAsync } from './ingest-batches.ts';

const BATCH_PASSAGES = 2_000;

/** The server the Postgres cases use: DATABASE_TEST_URL, else DATABASE_URL; empty when neither is set. */
export const BENCH_POSTGRES_URL = process.env.DATABASE_TEST_URL ?? process.env.DATABASE_URL ?? '';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client(BENCH_POSTGRES_URL);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database on the bench server; `drop` removes it. */
export async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!BENCH_POSTGRES_URL) throw new Error('the Postgres cases need DATABASE_TEST_URL or DATABASE_URL');
  const name = `attache_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** VACUUM ANALYZE on the database at `url`, after a bulk load and before timing queries. */
export async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

async function databaseSizeMb(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
    return Number(rows[0]?.size ?? 0) / 1024 / 1024;
  } finally {
    await client.end();
  }
}

/**
 * The PostgreSQL store on a fresh database with its real migrations: CorpusStore.saveDocuments per batch (one
 * transaction each), VACUUM ANALYZE (untimed), then the same queries through core/retrieval as the `fts5` case. Peak RSS is this client
 * process's; the server's memory is its own (shared_buffers and work_mem).
 */
export async function runPostgresCase(
  generator: CorpusGenerator,
  passageCount: number,
  queries: QuerySet,
): Promise<SearchCaseResult> {
  const database = await benchDatabase();
  const baselineRssMb = currentRssMb();
  let storage: Storage | undefined;
  try {
    storage = await openStorage({ url: database.url, path: '' });
    const store = storage.corpus;
    const totals = await ingestInBatchesAsync(generator, passageCount, BATCH_PASSAGES, async (batch) => {
      await store.saveDocuments(batch);
    });
    if ((await store.passageCount()) !== totals.passages) {
      throw new Error(`stored ${await store.passageCount()} passages, expected ${totals.passages}`);
    }
    // As after any bulk load (PostgreSQL's "Populating a Database"; autovacuum does it within a minute or two):
    // without statistics and a visibility map the planner guesses, and queries were 2 to 5 times slower.
    await vacuumAnalyze(database.url);
    const sizeMb = await databaseSizeMb(database.url);
    let hits = 0;
    const run = async (text: string): Promise<void> => {
      hits += (await searchPassages(store, text, 10)).passages.length;
    };
    await timeEach(queries.warmup, run);
    hits = 0;
    const short = await timeEach(queries.short, run);
    const long = await timeEach(queries.long, run);
    return {
      kind: 'search',
      engine: 'postgres',
      ...ingestFigures(totals),
      short,
      long,
      sizeMb,
      sizeKind: 'database',
      baselineRssMb,
      peakRssMb: peakRssMb(),
      meanHits: hits / (short.n + long.n),
    };
  } finally {
    await storage?.close();
    await database.drop();
  }
}
