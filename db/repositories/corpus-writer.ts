import type Database from 'better-sqlite3';
import { passageId } from '../../core/corpus.ts';
import type { DocumentToSave, SaveOutcome } from '../../core/ports/corpus-store.ts';

/** Passages per INSERT … SELECT statement, so one JSON argument stays a few megabytes. */
const PASSAGES_PER_STATEMENT = 5_000;

type PassageRow = [id: string, documentId: string, ordinal: number, text: string, start: number, end: number];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** JSON.stringify keeps a lone surrogate as an escape SQLite cannot store as UTF-8; binding would replace it. */
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/**
 * Bulk writes of documents and passages. Passages go in with one `INSERT … SELECT FROM json_each(?)` per
 * batch rather than one statement per row: the passages_ai trigger still indexes every row, but FTS5
 * work and statement overhead are paid per statement (row-by-row inserts were about 1.7× slower).
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
  const insertPassages = client.prepare(
    `INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
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
    let rows: PassageRow[] = [];
    const flush = (): void => {
      if (rows.length > 0) insertPassages.run(JSON.stringify(rows));
      rows = [];
    };
    for (const { document: d, passages } of changed.values()) {
      const fields = [d.title, d.outlet, d.author, d.publishedAt, d.url, d.language].map((v) => v ?? null);
      if (known.get(d.id)?.stored) {
        deletePassages.run(d.id);
        updateDocument.run(...fields, d.articleText, d.contentHash, d.sourcePath ?? null, now, d.id);
      } else {
        insertDocument.run(d.id, ...fields, d.articleText, d.contentHash, d.sourcePath ?? null, now, now);
      }
      for (const p of passages) {
        rows.push([passageId(d.id, p.ordinal), d.id, p.ordinal, wellFormed(p.text), p.start, p.end]);
        if (rows.length >= PASSAGES_PER_STATEMENT) flush();
      }
    }
    flush();
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
