/**
 * `npm run bench [-- --json] [--huge] [--sizes 10000,100000] [--queries 300] [--cases fts5,postgres,attache]` (`-- --start [--runs N] [--against DIR] [--tsx]`:
 * start time only, see start-bench.ts): FTS5 (through the real CorpusStore and core/retrieval) against
 * MiniSearch on a deterministic synthetic corpus at 10k and 100k passages (1M with --huge or BENCH_HUGE=1),
 * then brief/ask latency through createApp on the seeds and at 100k. Each case runs in its own node process
 * so its peak RSS is its own; cases run one after another so they do not compete for the CPU.
 */

import { spawn } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_POSTGRES_URL } from './cases/postgres-case.ts';
import { checkTargets, renderReport } from './report.ts';
import { type CaseResult, RESULT_PREFIX } from './results.ts';
import { startBenchMain, startReport } from './start-bench.ts';

interface PlannedCase {
  name: string;
  passages: number;
  /** Fewer timed queries where each one is slow (MiniSearch at 1M takes seconds per long query). */
  maxQueries?: number;
  /** Extra node flags (MiniSearch needs a bigger heap at 1M). */
  nodeFlags?: string[];
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** With a PostgreSQL server (DATABASE_TEST_URL or DATABASE_URL) every size also runs the Postgres store. */
function plan(sizes: readonly number[], postgres: boolean): PlannedCase[] {
  const cases: PlannedCase[] = [];
  for (const passages of sizes) {
    if (passages > 100_000) {
      // At 1M only the engines being compared: the ingest variants take minutes and add nothing new.
      cases.push({ name: 'fts5', passages, maxQueries: 100 });
      if (postgres) cases.push({ name: 'postgres', passages, maxQueries: 100 });
      cases.push({ name: 'minisearch', passages, maxQueries: 100, nodeFlags: ['--max-old-space-size=12288'] });
      continue;
    }
    for (const name of ['fts5', 'fts5-per-doc', 'raw-sqlite', 'raw-batch-fts', 'minisearch'])
      cases.push({ name, passages });
    if (postgres) cases.push({ name: 'postgres', passages });
  }
  cases.push({ name: 'attache', passages: 0 });
  if (sizes.includes(100_000)) cases.push({ name: 'attache', passages: 100_000 });
  if (postgres && sizes.includes(100_000)) cases.push({ name: 'attache-pg', passages: 100_000 });
  return cases;
}

/** Runs one case in a child process (`node --import tsx worker.ts`) and parses its result line. */
function runCase(planned: PlannedCase, queries: number): Promise<CaseResult> {
  const args = [
    '--expose-gc',
    ...(planned.nodeFlags ?? []),
    '--import',
    'tsx',
    WORKER,
    '--case',
    planned.name,
    '--passages',
    String(planned.passages),
    '--queries',
    String(Math.min(queries, planned.maxQueries ?? queries)),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        reject(new Error(`worker exited with ${signal ?? `code ${code}`}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as CaseResult);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      huge: { type: 'boolean', default: false },
      queries: { type: 'string', default: '300' },
      sizes: { type: 'string' },
      start: { type: 'boolean', default: false },
      runs: { type: 'string', default: '11' },
      against: { type: 'string' },
      tsx: { type: 'boolean', default: false },
      cases: { type: 'string' },
    },
  });
  if (values.start) {
    // Start time alone: a quick figure (half a minute) without the corpus cases.
    await startBenchMain(process.argv.slice(2).filter((a) => a !== '--start'));
    return;
  }
  const huge = values.huge || process.env.BENCH_HUGE === '1';
  const queries = Number(values.queries);
  if (!Number.isInteger(queries) || queries < 1) throw new Error('--queries must be a positive whole number');
  const sizes = values.sizes?.split(',').map(Number) ?? [10_000, 100_000, ...(huge ? [1_000_000] : [])];
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error('--sizes takes passage counts: 10000,100000');
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start`;
  // --cases fts5,postgres,attache: only those cases (e.g. to leave out MiniSearch's minutes at 1M).
  const only = values.cases?.split(',').map((c) => c.trim());
  const cases = plan(sizes, BENCH_POSTGRES_URL !== '').filter((c) => !only || only.includes(c.name));
  const results: CaseResult[] = [];
  const failures: string[] = [];
  for (const [i, planned] of cases.entries()) {
    const label = `${planned.name} ${planned.passages.toLocaleString('en-US')}`;
    process.stderr.write(`[${i + 1}/${cases.length}] ${label} … `);
    const start = performance.now();
    try {
      results.push(await runCase(planned, queries));
      process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      process.stderr.write('failed\n');
    }
  }
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ machine, results, targets: checkTargets(results), failures }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${renderReport(results, failures, machine)}\n`);
  }
  if (!values.json) {
    await runFeedsBench();
    process.stdout.write(`\n${await startReport(11)}\n`);
  }
  if (failures.length > 0) process.exitCode = 1;
}

/** The feeds case (poll rate, extraction figures) prints its own section. */
function runFeedsBench(): Promise<void> {
  const script = fileURLToPath(new URL('./feeds-bench.ts', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('close', () => resolve());
  });
}

await main();
