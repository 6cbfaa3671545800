import type { CorpusGenerator, SyntheticDocument } from '../corpus-generator.ts';
import { cpuSeconds } from '../stats.ts';

export interface IngestTotals {
  documents: number;
  passages: number;
  generateSeconds: number;
  /** Time inside `save` only. */
  ingestSeconds: number;
  /** Process CPU time inside `save`. */
  ingestCpuSeconds: number;
}

/** The synthetic corpus in batches of about `batchPassages` passages, with the time spent generating each. */
function* batches(
  generator: CorpusGenerator,
  passageCount: number,
  batchPassages: number,
  idPrefix?: string,
): Generator<{ batch: SyntheticDocument[]; passages: number; generateSeconds: number }> {
  let batch: SyntheticDocument[] = [];
  let passages = 0;
  let generateStart = performance.now();
  for (const doc of generator.documents(passageCount, idPrefix)) {
    batch.push(doc);
    passages += doc.passages.length;
    if (passages >= batchPassages) {
      yield { batch, passages, generateSeconds: (performance.now() - generateStart) / 1000 };
      batch = [];
      passages = 0;
      generateStart = performance.now();
    }
  }
  if (batch.length > 0) yield { batch, passages, generateSeconds: (performance.now() - generateStart) / 1000 };
}

const emptyTotals = (): IngestTotals => ({
  documents: 0,
  passages: 0,
  generateSeconds: 0,
  ingestSeconds: 0,
  ingestCpuSeconds: 0,
});

/** Adds one saved batch to the totals. */
function count(
  totals: IngestTotals,
  saved: { batch: readonly SyntheticDocument[]; passages: number },
  start: number,
  cpuStart: number,
) {
  totals.ingestSeconds += (performance.now() - start) / 1000;
  totals.ingestCpuSeconds += cpuSeconds() - cpuStart;
  totals.documents += saved.batch.length;
  totals.passages += saved.passages;
}

/**
 * Streams the synthetic corpus into `save` in batches of about `batchPassages` passages, so neither
 * the whole corpus nor its generation time is held against the engine being measured.
 */
export function ingestInBatches(
  generator: CorpusGenerator,
  passageCount: number,
  batchPassages: number,
  save: (batch: readonly SyntheticDocument[]) => void,
  idPrefix?: string,
): IngestTotals {
  const totals = emptyTotals();
  for (const next of batches(generator, passageCount, batchPassages, idPrefix)) {
    totals.generateSeconds += next.generateSeconds;
    const start = performance.now();
    const cpuStart = cpuSeconds();
    save(next.batch);
    count(totals, next, start, cpuStart);
  }
  return totals;
}

/** The ingest figures every search case reports, derived from the totals. */
export function ingestFigures(totals: IngestTotals) {
  return {
    passages: totals.passages,
    documents: totals.documents,
    generateSeconds: totals.generateSeconds,
    ingestSeconds: totals.ingestSeconds,
    ingestPerSecond: totals.passages / totals.ingestSeconds,
    ingestPerCpuSecond: totals.passages / totals.ingestCpuSeconds,
    ingestCpuShare: totals.ingestCpuSeconds / totals.ingestSeconds,
  };
}

/** As ingestInBatches, for a store whose writes complete when its promise settles (PostgreSQL, one save per document). */
export async function ingestInBatchesAsync(
  generator: CorpusGenerator,
  passageCount: number,
  batchPassages: number,
  save: (batch: readonly SyntheticDocument[]) => Promise<void>,
  idPrefix?: string,
): Promise<IngestTotals> {
  const totals = emptyTotals();
  for (const next of batches(generator, passageCount, batchPassages, idPrefix)) {
    totals.generateSeconds += next.generateSeconds;
    const start = performance.now();
    const cpuStart = cpuSeconds();
    await save(next.batch);
    count(totals, next, start, cpuStart);
  }
  return totals;
}
