/** Renders bench results as plain-text tables with the targets beside the figures. */

import type { AttacheCaseResult, CaseResult, SearchCaseResult, SearchEngine, StoreCallShare } from './results.ts';
import { renderScaleTable } from './scale-table.ts';
import type { LatencySummary } from './stats.ts';

export const TARGETS = {
  ingestPerSecond: 20_000,
  p95At100kMs: 5,
  rssAt100kMb: 300,
  attacheSeedsP95Ms: 50,
  attache100kP95Ms: 250,
} as const;

export interface TargetCheck {
  target: string;
  actual: string;
  met: boolean;
}

const ENGINE_LABELS: Record<SearchEngine, string> = {
  fts5: 'FTS5: saveDocuments per batch + searchPassages',
  'fts5-per-doc': 'FTS5: saveDocument, one tx per document',
  'raw-sqlite': 'FTS5: raw INSERTs, per-row trigger (pre-0005)',
  'raw-batch-fts': 'FTS5: raw INSERTs, FTS indexed per batch',
  minisearch: 'MiniSearch (in memory)',
  postgres: 'PostgreSQL: saveDocuments per batch + searchPassages',
};

export const int = (value: number): string => Math.round(value).toLocaleString('en-US');
export const ms = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(2));
const mb = (value: number): string => value.toFixed(1);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function latencyCells(short: LatencySummary | null, long: LatencySummary | null): string[] {
  return [ms(short?.p50), ms(short?.p95), ms(long?.p50), ms(long?.p95)];
}

function searchRow(result: SearchCaseResult): string[] {
  return [
    ENGINE_LABELS[result.engine],
    `${int(result.ingestPerSecond)} (${int(result.ingestPerCpuSecond)})`,
    ...latencyCells(result.short, result.long),
    `${mb(result.sizeMb)} ${result.sizeKind}`,
    `${int(result.peakRssMb)} (+${int(result.peakRssMb - result.baselineRssMb)})`,
    result.meanHits === null ? '–' : result.meanHits.toFixed(1),
  ];
}

function ratioRow(fts: SearchCaseResult, mini: SearchCaseResult, label = 'ratio FTS5 ÷ MiniSearch'): string[] {
  const latency = (pick: (r: SearchCaseResult) => number | undefined): string => {
    const a = pick(fts);
    const b = pick(mini);
    return a === undefined || b === undefined ? '–' : ratio(a, b);
  };
  return [
    label,
    `${ratio(fts.ingestPerSecond, mini.ingestPerSecond)} (${ratio(fts.ingestPerCpuSecond, mini.ingestPerCpuSecond)})`,
    latency((r) => r.short?.p50),
    latency((r) => r.short?.p95),
    latency((r) => r.long?.p50),
    latency((r) => r.long?.p95),
    ratio(fts.sizeMb, mini.sizeMb),
    `${ratio(fts.peakRssMb, mini.peakRssMb)} (+${ratio(fts.peakRssMb - fts.baselineRssMb, mini.peakRssMb - mini.baselineRssMb)})`,
    '',
  ];
}

const SEARCH_HEADER = [
  'engine',
  'ingest/s (per CPU-s)',
  'short p50',
  'short p95',
  'long p50',
  'long p95',
  'size MB',
  'peak RSS MB (+index)',
  'hits/q',
];

/** Checks each target against the figures that exist (a target whose case did not run is skipped). */
export function checkTargets(results: readonly CaseResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const search = results.filter((r): r is SearchCaseResult => r.kind === 'search');
  for (const r of search.filter((s) => s.engine === 'fts5')) {
    checks.push({
      target: `ingest ≥ ${int(TARGETS.ingestPerSecond)} passages/s (FTS5 saveDocuments, ${int(r.passages)})`,
      actual: `${int(r.ingestPerSecond)}/s (${int(r.ingestPerCpuSecond)} per CPU-s)`,
      met: r.ingestPerSecond >= TARGETS.ingestPerSecond,
    });
  }
  const at100k = search.find((s) => s.engine === 'fts5' && s.passages === 100_000);
  if (at100k?.short && at100k.long) {
    const worst = Math.max(at100k.short.p95, at100k.long.p95);
    checks.push({
      target: `query p95 ≤ ${TARGETS.p95At100kMs} ms at 100k (FTS5, short and long)`,
      actual: `short ${ms(at100k.short.p95)} ms, long ${ms(at100k.long.p95)} ms`,
      met: worst <= TARGETS.p95At100kMs,
    });
    checks.push({
      target: `peak RSS ≤ ${TARGETS.rssAt100kMb} MB at 100k (FTS5)`,
      actual: `${int(at100k.peakRssMb)} MB`,
      met: at100k.peakRssMb <= TARGETS.rssAt100kMb,
    });
  }
  for (const r of results.filter((c): c is AttacheCaseResult => c.kind === 'attache')) {
    const limit = r.syntheticPassages === 0 ? TARGETS.attacheSeedsP95Ms : TARGETS.attache100kP95Ms;
    const corpus = r.syntheticPassages === 0 ? 'on the seeds' : `at ${int(r.totalPassages)} passages`;
    checks.push({
      target: `brief/ask p95 ≤ ${limit} ms ${corpus}`,
      actual: `ask ${ms(r.ask.p95)} ms, brief ${ms(r.brief.p95)} ms`,
      met: Math.max(r.ask.p95, r.brief.p95) <= limit,
    });
  }
  return checks;
}

/** The full human-readable report. */
export function renderReport(results: readonly CaseResult[], failures: readonly string[], machine: string): string {
  const out: string[] = [`Attaché benchmark — ${machine}`, ''];
  const search = results.filter((r): r is SearchCaseResult => r.kind === 'search');
  const sizes = [...new Set(search.map((r) => r.passages))].sort((a, b) => a - b);
  for (const size of sizes) {
    const rows = search.filter((r) => r.passages === size);
    const documents = rows[0]?.documents ?? 0;
    const fts = rows.find((r) => r.engine === 'fts5');
    const mini = rows.find((r) => r.engine === 'minisearch');
    const pg = rows.find((r) => r.engine === 'postgres');
    const body = rows.map(searchRow);
    if (fts && mini) body.push(ratioRow(fts, mini));
    if (pg && fts) body.push(ratioRow(pg, fts, 'ratio PostgreSQL ÷ FTS5'));
    out.push(`Search at ${int(size)} passages (${int(documents)} documents); latency in ms, top 10`, '');
    out.push(table(SEARCH_HEADER, body), '');
  }
  const attache = results.filter((r): r is AttacheCaseResult => r.kind === 'attache');
  if (attache.length > 0) {
    out.push('Briefings and answers through createApp (extractive engine); latency in ms', '');
    const header = [
      'store',
      'corpus',
      'passages',
      'ask p50',
      'ask p95',
      'brief p50',
      'brief p95',
      'setup s',
      'peak RSS MB',
      'ask statuses',
    ];
    const rows = attache.map((r) => [
      r.store === 'postgres' ? 'PostgreSQL' : 'SQLite',
      r.syntheticPassages === 0 ? 'seeds' : `seeds + ${int(r.syntheticPassages)} synthetic`,
      int(r.totalPassages),
      ms(r.ask.p50),
      ms(r.ask.p95),
      ms(r.brief.p50),
      ms(r.brief.p95),
      r.setupSeconds.toFixed(1),
      int(r.peakRssMb),
      Object.entries(r.askStatuses)
        .map(([status, count]) => `${status} ${count}`)
        .join(', '),
    ]);
    out.push(table(header, rows), '');
    for (const r of attache) {
      const share = (calls: StoreCallShare, mean: number): string => {
        const total = Object.values(calls).reduce((sum, c) => sum + c.ms, 0);
        const parts = Object.entries(calls).map(([m, c]) => `${m} ${c.calls.toFixed(1)}× ${ms(c.ms)} ms`);
        return `${ms(total)} of ${ms(mean)} ms mean in the store (${parts.join(', ') || 'no calls'})`;
      };
      const where = `${r.store === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${int(r.totalPassages)} passages`;
      if (r.warmUp && r.firstAsk) {
        out.push(
          `  ${where} — idle warm-up after start ${ms(r.warmUp.ms)} ms (CPU ${ms(r.warmUp.cpuMs)} ms), then the first ask ${ms(r.firstAsk.ms)} ms (CPU ${ms(r.firstAsk.cpuMs)} ms); CPU per request, idle work between requests included: ask ${ms(r.ask.cpuMsPerCall ?? Number.NaN)} ms, brief ${ms(r.brief.cpuMsPerCall ?? Number.NaN)} ms`,
        );
      }
      out.push(`  ${where} — ask: ${share(r.storeCalls.ask, r.ask.mean)}`);
      out.push(`  ${where} — brief: ${share(r.storeCalls.brief, r.brief.mean)}`);
    }
    out.push('');
  }
  const scale = renderScaleTable(results);
  if (scale) out.push(scale, '');
  const checks = checkTargets(results);
  if (checks.length > 0) {
    out.push('Targets', '');
    out.push(
      table(
        ['target', 'actual', 'result'],
        checks.map((c) => [c.target, c.actual, c.met ? 'met' : 'MISSED']),
      ),
      '',
    );
  }
  const busy = [
    ...search.filter((r) => r.ingestCpuShare < 0.85).map((r) => `${r.engine} ${int(r.passages)} ingest`),
    ...search.filter((r) => (r.short?.cpuShare ?? 1) < 0.85).map((r) => `${r.engine} ${int(r.passages)} queries`),
  ];
  if (busy.length > 0) {
    out.push(`Note: CPU share below 85% of wall time (machine busy, figures pessimistic): ${busy.join('; ')}.`, '');
  }
  for (const failure of failures) out.push(`FAILED: ${failure}`);
  return out.join('\n');
}
