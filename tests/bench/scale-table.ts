/** The scale table of issue 15: SQLite FTS5, PostgreSQL and MiniSearch side by side from one bench run. */

import { int, ms, ratio, table } from './report.ts';
import type { AttacheCaseResult, CaseResult, SearchCaseResult, SearchEngine } from './results.ts';

/** The targets of the scale table (issue 15): at the largest size run, and ask at 100k. */
export const SCALE_TARGETS = { searchP95Ms: 50, peakRssMb: 256, ingestPerSecond: 40_000, askP95At100kMs: 100 } as const;

/**
 * The scale table (issue 15): search p95, peak RSS and ingest at the largest size run, and ask p95 at 100k, for
 * SQLite FTS5, PostgreSQL and MiniSearch side by side from one run, with the PostgreSQL ÷ SQLite ratio.
 */
export function renderScaleTable(results: readonly CaseResult[]): string | null {
  const search = results.filter((r): r is SearchCaseResult => r.kind === 'search');
  const size = Math.max(0, ...search.map((r) => r.passages));
  const at = (engine: SearchEngine) => search.find((r) => r.engine === engine && r.passages === size);
  const [sqlite, pg, mini] = [at('fts5'), at('postgres'), at('minisearch')];
  if (!sqlite) return null;
  const asks = results.filter((r): r is AttacheCaseResult => r.kind === 'attache' && r.syntheticPassages === 100_000);
  const ask = (store: AttacheCaseResult['store']) => asks.find((r) => r.store === store)?.ask.p95;
  const cell = (value: number | undefined, format: (v: number) => string) =>
    value === undefined ? '–' : format(value);
  const quotient = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '–' : ratio(a, b);
  const p95s = (r: SearchCaseResult | undefined) =>
    r?.short && r.long ? `${ms(r.short.p95)} / ${ms(r.long.p95)}` : '–';
  const rows = [
    [
      `search p95 at ${int(size)}, short / long (ms)`,
      p95s(sqlite),
      p95s(pg),
      p95s(mini),
      `${quotient(pg?.short?.p95, sqlite.short?.p95)} / ${quotient(pg?.long?.p95, sqlite.long?.p95)}`,
      `≤ ${SCALE_TARGETS.searchP95Ms} both`,
    ],
    [
      `peak RSS during the ${int(size)} run (MB)`,
      int(sqlite.peakRssMb),
      cell(pg?.peakRssMb, int),
      cell(mini?.peakRssMb, int),
      quotient(pg?.peakRssMb, sqlite.peakRssMb),
      `≤ ${SCALE_TARGETS.peakRssMb}`,
    ],
    [
      `ingest at ${int(size)} (passages/s)`,
      int(sqlite.ingestPerSecond),
      cell(pg?.ingestPerSecond, int),
      cell(mini?.ingestPerSecond, int),
      quotient(pg?.ingestPerSecond, sqlite.ingestPerSecond),
      `≥ ${int(SCALE_TARGETS.ingestPerSecond)}`,
    ],
    [
      'ask p95 at 100k, extractive (ms)',
      cell(ask('sqlite'), ms),
      cell(ask('postgres'), ms),
      '–',
      quotient(ask('postgres'), ask('sqlite')),
      `≤ ${SCALE_TARGETS.askP95At100kMs}`,
    ],
  ];
  const note = pg
    ? '(PostgreSQL RSS is the client process; the server holds its own memory)'
    : '(no PostgreSQL: set DATABASE_TEST_URL or DATABASE_URL)';
  return [
    `Scale table, one run ${note}`,
    '',
    table(['figure', 'SQLite FTS5', 'PostgreSQL', 'MiniSearch', 'PostgreSQL ÷ SQLite', 'target'], rows),
  ].join('\n');
}
