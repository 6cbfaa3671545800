import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passageId } from '../../../core/corpus.ts';
import { searchPassages } from '../../../core/retrieval/search-passages.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createCorpusRepository } from '../../../db/repositories/corpus-repository.ts';
import type { CorpusGenerator, SyntheticDocument } from '../corpus-generator.ts';
import type { QuerySet } from '../queries.ts';
import type { SearchCaseResult } from '../results.ts';
import { currentRssMb, databaseSizeMb, peakRssMb, timeEach } from '../stats.ts';
import { ingestFigures, ingestInBatches, ingestInBatchesAsync } from './ingest-batches.ts';

/** Passages per outer transaction (about 150 documents): what a bulk ingest of a feed dump would commit at once. */
const BATCH_PASSAGES = 2_000;

type SqliteEngine = 'fts5' | 'fts5-per-doc' | 'raw-sqlite' | 'raw-batch-fts';

/**
 * SQLite cases, each on a fresh file with the real migrations (FTS5 kept in sync by the real triggers):
 * - fts5: CorpusStore.saveDocuments, one call (one transaction) per batch, as `ingest` of a folder does;
 * - fts5-per-doc: CorpusStore.saveDocument, one transaction per document;
 * - raw-sqlite: hand-prepared better-sqlite3 INSERTs in the same batches, indexed by a per-row insert trigger (the
 *   schema before migration 0005), for comparison only;
 * - raw-batch-fts: as raw-sqlite, but each batch indexed by one `INSERT INTO passages_fts … SELECT`, as the
 *   app's writer does since 0005 (checked with FTS5 integrity-check).
 * Queries run (through core/retrieval searchPassages) only for `fts5`: the others build the same index.
 */
export async function runSqliteCase(
  engine: SqliteEngine,
  generator: CorpusGenerator,
  passageCount: number,
  queries: QuerySet,
): Promise<SearchCaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  const path = join(dir, 'bench.db');
  const baselineRssMb = currentRssMb();
  const database = openDatabase(path);
  try {
    const store = createCorpusRepository(database.db);
    const { client } = database;
    if (engine === 'raw-sqlite') {
      client.exec(`CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, text) VALUES (new.rowid, new.text);
      END`);
    }
    const insertDocument = client.prepare(
      `INSERT INTO documents (id, title, outlet, author, published_at, url, language, article_text, content_hash,
        source_path, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPassage = client.prepare(
      'INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const lastRowid = client.prepare('SELECT coalesce(max(rowid), 0) AS last FROM passages').pluck();
    const indexAfter = client.prepare(
      'INSERT INTO passages_fts (rowid, text) SELECT rowid, text FROM passages WHERE rowid > ?',
    );
    const saveRaw = client.transaction((batch: readonly SyntheticDocument[]) => {
      const before = engine === 'raw-batch-fts' ? lastRowid.get() : null;
      const now = new Date().toISOString();
      for (const { document: d, passages } of batch) {
        insertDocument.run(
          d.id,
          d.title,
          d.outlet,
          d.author,
          d.publishedAt,
          d.url,
          d.language,
          d.articleText,
          d.contentHash,
          d.sourcePath,
          now,
        );
        for (const p of passages)
          insertPassage.run(passageId(d.id, p.ordinal), d.id, p.ordinal, p.text, p.start, p.end);
      }
      if (before !== null) indexAfter.run(before);
    });
    const saveBatched = async (batch: readonly SyntheticDocument[]): Promise<void> => {
      await store.saveDocuments(batch);
    };
    const savePerDocument = async (batch: readonly SyntheticDocument[]): Promise<void> => {
      for (const doc of batch) await store.saveDocument(doc.document, doc.passages);
    };
    // The store's saves are awaited batch by batch. Called without awaiting, each suspended save kept its
    // batch alive until the whole ingest ended (the microtasks never ran): at 1M passages a 1 GB peak RSS
    // and garbage collection over it that was charged to ingest.
    const totals = engine.startsWith('raw')
      ? ingestInBatches(generator, passageCount, BATCH_PASSAGES, saveRaw)
      : await ingestInBatchesAsync(
          generator,
          passageCount,
          BATCH_PASSAGES,
          engine === 'fts5' ? saveBatched : savePerDocument,
        );
    if ((await store.passageCount()) !== totals.passages) {
      throw new Error(`stored ${await store.passageCount()} passages, expected ${totals.passages}`);
    }
    // Throws SQLITE_CORRUPT_VTAB if the index does not match the passages table.
    if (engine.startsWith('raw'))
      client.exec("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)");
    const sizeMb = databaseSizeMb(path);
    let short = null;
    let long = null;
    let hits = 0;
    if (engine === 'fts5') {
      const run = async (text: string): Promise<void> => {
        hits += (await searchPassages(store, text, 10)).passages.length;
      };
      await timeEach(queries.warmup, run);
      hits = 0;
      short = await timeEach(queries.short, run);
      long = await timeEach(queries.long, run);
    }
    return {
      kind: 'search',
      engine,
      ...ingestFigures(totals),
      short,
      long,
      sizeMb,
      sizeKind: 'file+wal',
      baselineRssMb,
      peakRssMb: peakRssMb(),
      meanHits: short && long ? hits / (short.n + long.n) : null,
    };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
