/** Timing, percentile and memory helpers for the benchmark. */

import { statSync } from 'node:fs';

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Process CPU time over wall time for the samples: well below 1 means other load on the machine stole time. */
  cpuShare: number;
  /**
   * Process CPU milliseconds per call, work done between calls included (`between`: the idle time a server has
   * between requests): what the calls cost a shared machine, steadier than wall time when it is busy.
   */
  cpuMsPerCall?: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** p50/p95/max/mean of millisecond samples. */
export function summarize(samples: readonly number[], cpuShare = Number.NaN): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
    cpuShare,
  };
}

/**
 * Runs `run` once per input and summarises the per-call wall time in milliseconds. `between`, when given, runs
 * untimed after each call (e.g. a turn of the event loop, as a server has between requests); its CPU time counts in
 * `cpuMsPerCall`.
 */
export async function timeEach<T>(
  inputs: readonly T[],
  run: (input: T) => unknown,
  between?: () => Promise<void>,
): Promise<LatencySummary> {
  const samples: number[] = [];
  const cpuStart = cpuSeconds();
  let cpuBetween = 0;
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    samples.push(performance.now() - start);
    if (between) {
      const before = cpuSeconds();
      await between();
      cpuBetween += cpuSeconds() - before;
    }
  }
  const wallSeconds = samples.reduce((sum, value) => sum + value, 0) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  const summary = summarize(samples, (cpu - cpuBetween) / wallSeconds);
  return between ? { ...summary, cpuMsPerCall: (cpu * 1000) / inputs.length } : summary;
}

/** User + system CPU time of this process, in seconds. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const MB = 1024 * 1024;

/** Highest resident set size of this process so far, in MB (maxRSS is reported in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function currentRssMb(): number {
  return process.memoryUsage().rss / MB;
}

/** Collects garbage when node runs with --expose-gc (the bench workers do), then returns the heap in use in MB. */
export function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / MB;
}

/** Size of an SQLite database on disk: the file plus its write-ahead log, in MB. */
export function databaseSizeMb(path: string): number {
  const size = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return (size(path) + size(`${path}-wal`)) / MB;
}
