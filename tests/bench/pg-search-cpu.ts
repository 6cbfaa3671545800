/**
 * `npx tsx tests/bench/pg-search-cpu.ts [passages] [database name] [queries]`: the PostgreSQL store's search
 * cost at scale without re-ingesting each time (search-cpu.ts's twin; the server is DATABASE_TEST_URL's). The
 * first run builds the bench corpus into the named database (through the store, as the bench does, then
 * VACUUM ANALYZE) and exits; later runs time the bench queries (60 warm-up, then short and long) in wall and
 * client CPU milliseconds per query, with the process's resident memory. Default name: attache_pg_<passages>.
 */
import pg from 'pg';
import { searchPassages } from '../../core/retrieval/search-passages.ts';
import { openStorage } from '../../db/open-storage.ts';
import { ingestInBatchesAsync } from './cases/ingest-batches.ts';
import { BENCH_POSTGRES_URL, vacuumAnalyze } from './cases/postgres-case.ts';
import { createCorpusGenerator } from './corpus-generator.ts';
import { buildQueries } from './queries.ts';
import { loadSeedMaterial } from './seed-material.ts';
import { currentRssMb, peakRssMb, summarize } from './stats.ts';

const passages = Number(process.argv[2] ?? 1_000_000);
const name = process.argv[3] ?? `attache_pg_${passages}`;
const count = Number(process.argv[4] ?? 100);
if (!BENCH_POSTGRES_URL) throw new Error('set DATABASE_TEST_URL (source .ci/postgres.sh)');

const admin = new pg.Client(BENCH_POSTGRES_URL);
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length > 0;
if (!exists) await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(BENCH_POSTGRES_URL);
url.pathname = `/${name}`;

const generator = createCorpusGenerator(loadSeedMaterial());
const storage = await openStorage({ url: url.toString(), path: '' });
const store = storage.corpus;
if (!exists) {
  const totals = await ingestInBatchesAsync(generator, passages, 2_000, async (batch) => {
    await store.saveDocuments(batch);
  });
  await vacuumAnalyze(url.toString());
  console.log(
    `built ${name}: ${totals.passages} passages, ${Math.round(totals.passages / totals.ingestSeconds)}/s wall, ` +
      `${Math.round(totals.passages / totals.ingestCpuSeconds)}/client CPU-s, peak RSS ${peakRssMb().toFixed(0)} MB`,
  );
} else {
  const queries = buildQueries(generator, count);
  const time = async (texts: readonly string[]): Promise<string> => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const text of texts) {
      const start = process.cpuUsage();
      const started = performance.now();
      await searchPassages(store, text, 10);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    }
    const w = summarize(wall);
    const c = summarize(cpu);
    const memory = `RSS ${currentRssMb().toFixed(0)} MB, peak ${peakRssMb().toFixed(0)} MB`;
    return `wall p50 ${w.p50.toFixed(1)}, p95 ${w.p95.toFixed(1)}, max ${w.max.toFixed(0)}; client CPU p50 ${c.p50.toFixed(1)}, p95 ${c.p95.toFixed(1)}; ${memory}`;
  };
  console.log(`opened: RSS ${currentRssMb().toFixed(0)} MB`);
  console.log(`warm-up: ${await time(queries.warmup)}`);
  console.log(`short:   ${await time(queries.short)}`);
  console.log(`long:    ${await time(queries.long)}`);
}
await storage.close();
