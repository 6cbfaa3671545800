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
  const totals: IngestTotals = { documents: 0, passages: 0, generateSeconds: 0, ingestSeconds: 0, ingestCpuSeconds: 0 };
  let batch: SyntheticDocument[] = [];
  let batchSize = 0;
  const flush = (): void => {
    const start = performance.now();
    const cpuStart = cpuSeconds();
    save(batch);
    totals.ingestSeconds += (performance.now() - start) / 1000;
    totals.ingestCpuSeconds += cpuSeconds() - cpuStart;
    totals.documents += batch.length;
    totals.passages += batchSize;
    batch = [];
    batchSize = 0;
  };
  let generateStart = performance.now();
  for (const doc of generator.documents(passageCount, idPrefix)) {
    batch.push(doc);
    batchSize += doc.passages.length;
    if (batchSize >= batchPassages) {
      totals.generateSeconds += (performance.now() - generateStart) / 1000;
      flush();
      generateStart = performance.now();
    }
  }
  totals.generateSeconds += (performance.now() - generateStart) / 1000;
  if (batch.length > 0) flush();
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

/** As ingestInBatches, for a store whose writes complete when its promise settles (PostgreSQL). */
export async function ingestInBatchesAsync(
  generator: CorpusGenerator,
  passageCount: number,
  batchPassages: number,
  save: (batch: readonly SyntheticDocument[]) => Promise<void>,
  idPrefix?: string,
): Promise<IngestTotals> {
  const totals: IngestTotals = { documents: 0, passages: 0, generateSeconds: 0, ingestSeconds: 0, ingestCpuSeconds: 0 };
  let batch: SyntheticDocument[] = [];
  let batchSize = 0;
  const flush = async (): Promise<void> => {
    const start = performance.now();
    const cpuStart = cpuSeconds();
    await save(batch);
    totals.ingestSeconds += (performance.now() - start) / 1000;
    totals.ingestCpuSeconds += cpuSeconds() - cpuStart;
    totals.documents += batch.length;
    totals.passages += batchSize;
    batch = [];
    batchSize = 0;
  };
  let generateStart = performance.now();
  for (const doc of generator.documents(passageCount, idPrefix)) {
    batch.push(doc);
    batchSize += doc.passages.length;
    if (batchSize >= batchPassages) {
      totals.generateSeconds += (performance.now() - generateStart) / 1000;
      await flush();
      generateStart = performance.now();
    }
  }
  totals.generateSeconds += (performance.now() - generateStart) / 1000;
  if (batch.length > 0) await flush();
  return totals;
}
