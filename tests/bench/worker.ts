/**
 * One benchmark case in its own process, so its peak RSS is its own. Spawned by run.ts;
 * prints one RESULT_PREFIX line of JSON on stdout (progress goes to stderr).
 */

import { parseArgs } from 'node:util';
import { createCorpusGenerator, DEFAULT_SEED } from './corpus-generator.ts';
import { buildQueries } from './queries.ts';
import { type CaseResult, RESULT_PREFIX } from './results.ts';
import { loadSeedMaterial } from './seed-material.ts';

const CASES = [
  'fts5',
  'fts5-per-doc',
  'raw-sqlite',
  'raw-batch-fts',
  'minisearch',
  'postgres',
  'attache',
  'attache-pg',
] as const;
type CaseName = (typeof CASES)[number];

function isCase(value: string): value is CaseName {
  return (CASES as readonly string[]).includes(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string' },
      passages: { type: 'string', default: '10000' },
      queries: { type: 'string', default: '300' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
  });
  const name = values.case ?? '';
  const passages = Number(values.passages);
  const queryCount = Number(values.queries);
  if (!isCase(name) || !Number.isInteger(passages) || passages < 0 || !Number.isInteger(queryCount)) {
    throw new Error(`usage: worker.ts --case ${CASES.join('|')} --passages N [--queries N] [--seed N]`);
  }
  const generator = createCorpusGenerator(loadSeedMaterial(), Number(values.seed));
  const queries = buildQueries(generator, queryCount);
  // Each case's modules are imported only when it runs: loading them all (the whole bot, MiniSearch, pg) cost
  // the SQLite cases some 65 MB of resident memory that was counted in their peak.
  let result: CaseResult;
  if (name === 'attache' || name === 'attache-pg') {
    const { runAttacheCase } = await import('./cases/attache-case.ts');
    result = await runAttacheCase(generator, passages, name === 'attache' ? 'sqlite' : 'postgres');
  } else if (name === 'postgres') {
    const { runPostgresCase } = await import('./cases/postgres-case.ts');
    result = await runPostgresCase(generator, passages, queries);
  } else if (name === 'minisearch') {
    const { runMiniSearchCase } = await import('./cases/minisearch-case.ts');
    result = await runMiniSearchCase(generator, passages, queries);
  } else {
    const { runSqliteCase } = await import('./cases/sqlite-case.ts');
    result = await runSqliteCase(name, generator, passages, queries);
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
