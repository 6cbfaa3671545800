/**
 * `npx tsx tests/bench/search-cpu.ts [passages] [database file] [queries] [--again]`: search cost at scale without
 * re-ingesting each time. The first run builds the bench corpus into the file (through the store, as the
 * bench does) and exits; later runs time the bench queries against it (60 warm-up, then short and long) in
 * CPU milliseconds per query, which a busy shared machine distorts far less than wall time, with the
 * process's resident memory. `--again` times the same short and long queries a second time, with the lists
 * they read cached (the steady state of a long-running process between two changes of the corpus). `--polls`
 * then appends 1,000 passages twice (as feed polls would; the file keeps them) and times the first query after
 * each and the long queries again.
 * Default file: $TMPDIR/attache-search-<passages>.db.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchPassages } from '../../core/retrieval/search-passages.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { ingestInBatchesAsync } from './cases/ingest-batches.ts';
import { createCorpusGenerator } from './corpus-generator.ts';
import { buildQueries } from './queries.ts';
import { loadSeedMaterial } from './seed-material.ts';
import { currentRssMb, peakRssMb, summarize } from './stats.ts';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const again = process.argv.includes('--again');
const polls = process.argv.includes('--polls');
const passages = Number(args[0] ?? 1_000_000);
const path = args[1] ?? join(tmpdir(), `attache-search-${passages}.db`);
const count = Number(args[2] ?? 100);
const generator = createCorpusGenerator(loadSeedMaterial());
const build = !existsSync(path);
const database = openDatabase(path);
const store = createCorpusRepository(database.db);

if (build) {
  const totals = await ingestInBatchesAsync(generator, passages, 2_000, async (batch) => {
    await store.saveDocuments(batch);
  });
  console.log(
    `built ${path}: ${totals.passages} passages, ${Math.round(totals.passages / totals.ingestCpuSeconds)}/CPU-s`,
  );
} else {
  const queries = buildQueries(generator, count);
  const cpuMs = async (texts: readonly string[]): Promise<string> => {
    const samples: number[] = [];
    for (const text of texts) {
      const start = process.cpuUsage();
      await searchPassages(store, text, 10);
      const used = process.cpuUsage(start);
      samples.push((used.user + used.system) / 1000);
    }
    const { p50, p95, max } = summarize(samples);
    const memory = `RSS ${currentRssMb().toFixed(0)} MB, peak ${peakRssMb().toFixed(0)} MB`;
    return `CPU ms p50 ${p50.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${max.toFixed(0)}; ${memory}`;
  };
  console.log(`opened: RSS ${currentRssMb().toFixed(0)} MB`);
  console.log(`warm-up: ${await cpuMs(queries.warmup)}`);
  console.log(`short:   ${await cpuMs(queries.short)}`);
  console.log(`long:    ${await cpuMs(queries.long)}`);
  if (again) {
    console.log(`short, again: ${await cpuMs(queries.short)}`);
    console.log(`long, again:  ${await cpuMs(queries.long)}`);
  }
  if (polls) {
    for (let poll = 1; poll <= 2; poll++) {
      // A fixed seed per poll: the same appended passages in every run, so runs of two builds compare.
      const fresh = createCorpusGenerator(loadSeedMaterial(), 424_242 + poll);
      await store.saveDocuments([...fresh.documents(1_000, `poll-${poll}`)]);
      console.log(`after poll ${poll} (1,000 passages): first query ${await cpuMs(queries.long.slice(-1))}`);
      console.log(`long, after poll ${poll}: ${await cpuMs(queries.long)}`);
    }
  }
}
database.close();
