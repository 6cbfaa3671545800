import { prepareDocument } from '../../../core/ingest/ingest-files.ts';
import type { Manifest } from '../../../core/ingest/manifest.ts';
import type { CorpusStore, DocumentToSave } from '../../../core/ports/corpus-store.ts';
import type { CorpusDev } from './load-corpus-dev.ts';

export interface DevIngest {
  /** Pages stored, by document id. */
  ingested: string[];
  /** Pages ingest could not use, with the reason. */
  rejected: { id: string; reason: string }[];
}

/**
 * Ingests every page of the development corpus through core's ingest (chrome stripping, passages) with the
 * metadata of its manifest, straight from `../shared/corpus-dev` (nothing is copied into the project).
 */
export async function ingestCorpusDev(store: CorpusStore, dev: CorpusDev): Promise<DevIngest> {
  const batch: DocumentToSave[] = [];
  const rejected: DevIngest['rejected'] = [];
  for (const page of dev.pages) {
    const manifest: Manifest = new Map([
      [page.id, { id: page.id, outlet: page.outlet, publishedAt: page.published, url: page.url }],
    ]);
    try {
      batch.push(prepareDocument(page.path, manifest));
    } catch (error) {
      rejected.push({ id: page.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  await store.saveDocuments(batch);
  return { ingested: batch.map((b) => b.document.id), rejected };
}
