import type Database from 'better-sqlite3';
import { passageId } from '../../core/corpus.ts';
import type { DocumentToSave, SaveOutcome } from '../../core/ports/corpus-store.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any surrogate: a plain class, so most texts (no character past U+FFFF) are passed by one quick scan. */
const SURROGATE = /[\uD800-\uDFFF]/;
/**
 * A lone surrogate as U+FFFD, as text read back from SQLite would have it (the binding would not replace it). The
 * lookarounds ran on every passage: 6 % of a bulk save's CPU at 100k passages, before the quick test.
 */
const wellFormed = (text: string): string => (SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text);

/**
 * Bulk writes of documents and passages. Passages go in row by row through one prepared statement (bound
 * values: no JSON to build and parse), then the batch is indexed by one `INSERT INTO passages_fts … SELECT`
 * over the rowids it added; migration 0005 dropped the per-row insert trigger. A trigger costs FTS5's
 * per-statement work on every row (row-by-row inserts with it were twice as slow); one statement per batch
 * ingests faster than the trigger under a JSON INSERT … SELECT did (bench corpus, per CPU-second: about a
 * quarter at 100k–200k passages, 8 % at 1M, where FTS5's own tokenizing and merging dominate). The delete
 * and update triggers stay, so rows leave the index however they are removed.
 */
export function createCorpusWriter(client: Database.Database) {
  const hashStatement = client.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck();
  const insertDocument = client.prepare(
    `INSERT INTO documents (id, title, outlet, author, published_at, url, language, article_text, content_hash,
      source_path, ingested_at, first_ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateDocument = client.prepare(
    `UPDATE documents SET title = ?, outlet = ?, author = ?, published_at = ?, url = ?, language = ?,
      article_text = ?, content_hash = ?, source_path = ?, ingested_at = ? WHERE id = ?`,
  );
  const deletePassages = client.prepare('DELETE FROM passages WHERE document_id = ?');
  const insertPassage = client.prepare(
    'INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const lastRowid = client.prepare('SELECT coalesce(max(rowid), 0) FROM passages').pluck();
  // Rowids only grow (AUTOINCREMENT), so the rows past the batch's first rowid are exactly the batch's.
  const indexPassages = client.prepare(
    'INSERT INTO passages_fts (rowid, text) SELECT rowid, text FROM passages WHERE rowid > ?',
  );
  let generation = 0;

  const write = client.transaction((batch: readonly DocumentToSave[]): SaveOutcome[] => {
    // Outcomes in batch order; a document id given twice is written once, in its last changed version.
    const known = new Map<string, { hash: string | null; stored: boolean }>();
    const changed = new Map<string, DocumentToSave>();
    const outcomes = batch.map(({ document, passages }): SaveOutcome => {
      let state = known.get(document.id);
      if (!state) {
        const hash = (hashStatement.get(document.id) as string | undefined) ?? null;
        state = { hash, stored: hash !== null };
        known.set(document.id, state);
      }
      if (state.hash === document.contentHash) return 'unchanged';
      const outcome = state.hash === null ? 'inserted' : 'updated';
      state.hash = document.contentHash;
      changed.delete(document.id);
      changed.set(document.id, { document, passages });
      return outcome;
    });
    if (changed.size === 0) return outcomes;
    generation++;
    const now = new Date().toISOString();
    const before = lastRowid.get() as number;
    for (const { document: d, passages } of changed.values()) {
      const fields = [d.title, d.outlet, d.author, d.publishedAt, d.url, d.language].map((v) => v ?? null);
      if (known.get(d.id)?.stored) {
        deletePassages.run(d.id);
        updateDocument.run(...fields, d.articleText, d.contentHash, d.sourcePath ?? null, now, d.id);
      } else {
        insertDocument.run(d.id, ...fields, d.articleText, d.contentHash, d.sourcePath ?? null, now, now);
      }
      for (const p of passages)
        insertPassage.run(passageId(d.id, p.ordinal), d.id, p.ordinal, wellFormed(p.text), p.start, p.end);
    }
    indexPassages.run(before);
    return outcomes;
  });

  const deleteDocument = client.prepare('DELETE FROM documents WHERE id = ?');
  const remove = client.transaction((ids: readonly string[]): string[] => {
    const removed = [...new Set(ids)].filter((id) => {
      // Passages first: their delete trigger takes them out of the FTS index (the cascade would too, one by one).
      deletePassages.run(id);
      return deleteDocument.run(id).changes > 0;
    });
    if (removed.length > 0) generation++;
    return removed;
  });

  return {
    /** Deletes documents and their passages in one transaction; returns the ids that existed. */
    remove(ids: readonly string[]): string[] {
      return client.inTransaction ? remove(ids) : remove.immediate(ids);
    },
    /** Saves the batch in one transaction (a savepoint when one is open already). */
    save(batch: readonly DocumentToSave[]): SaveOutcome[] {
      return client.inTransaction ? write(batch) : write.immediate(batch);
    },
    /** Bumped by every save that writes, so caches of the corpus know it changed. */
    generation: (): number => generation,
  };
}
