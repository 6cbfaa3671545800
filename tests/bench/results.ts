/** The figures a bench worker reports to the runner (one JSON line on stdout). */

import type { LatencySummary } from './stats.ts';

export const SEARCH_ENGINES = [
  'fts5',
  'fts5-per-doc',
  'raw-sqlite',
  'raw-batch-fts',
  'minisearch',
  'postgres',
] as const;
export type SearchEngine = (typeof SEARCH_ENGINES)[number];

export interface SearchCaseResult {
  kind: 'search';
  engine: SearchEngine;
  passages: number;
  documents: number;
  /** Seconds spent generating the synthetic corpus (not counted in ingest). */
  generateSeconds: number;
  /** Seconds inside the store's insert calls only. */
  ingestSeconds: number;
  ingestPerSecond: number;
  /** Passages per second of process CPU time (all threads, GC included): steadier than wall time on a busy machine. */
  ingestPerCpuSecond: number;
  /** Process CPU time over wall time while ingesting (well below 1: the machine was busy with something else). */
  ingestCpuShare: number;
  /** Null for ingest-only cases. */
  short: LatencySummary | null;
  long: LatencySummary | null;
  /** Database file + WAL (SQLite), heap held by the index after GC (MiniSearch) or pg_database_size, MB. */
  sizeMb: number;
  sizeKind: 'file+wal' | 'heap' | 'database';
  /** RSS once modules and the vocabulary are loaded, before any index exists, MB. */
  baselineRssMb: number;
  peakRssMb: number;
  /** Mean passages returned per query (sanity check that queries hit). */
  meanHits: number | null;
}

/** Mean CorpusStore calls and milliseconds per brief/ask request, by store method. */
export type StoreCallShare = Record<string, { calls: number; ms: number }>;

export interface AttacheCaseResult {
  kind: 'attache';
  store: 'sqlite' | 'postgres';
  /** Synthetic passages added to the seeds (0 = seeds only). */
  syntheticPassages: number;
  totalPassages: number;
  setupSeconds: number;
  /** The idle-time warm-up the bot runs after start (language data, corpus profile, search norms), wall and CPU ms. */
  warmUp?: { ms: number; cpuMs: number };
  /** The first question after start and that warm-up, before any other request: wall and CPU ms. */
  firstAsk?: { ms: number; cpuMs: number };
  ask: LatencySummary;
  brief: LatencySummary;
  /** How many replies of each status (answered/partial/refused) the timed asks gave. */
  askStatuses: Record<string, number>;
  /** Where the time goes: store (SQLite) calls per request; the rest of the latency is the engine. */
  storeCalls: { ask: StoreCallShare; brief: StoreCallShare };
  peakRssMb: number;
}

export type CaseResult = SearchCaseResult | AttacheCaseResult;

/** Prefix of the worker's result line, so stray output on stdout cannot be mistaken for it. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
