import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusStore, DocumentToSave } from '../../core/ports/corpus-store.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';

let database: OpenedDatabase;
let store: CorpusStore;

beforeEach(() => {
  database = openDatabase(':memory:');
  store = createCorpusRepository(database.db);
});

afterEach(() => database.close());

/** A document whose passages are the given paragraphs, joined by blank lines. */
function doc(id: string, hash: string, ...paragraphs: string[]): DocumentToSave {
  const articleText = paragraphs.join('\n\n');
  let start = 0;
  const passages = paragraphs.map((text, ordinal) => {
    const span = { ordinal, start, end: start + text.length, text };
    start = span.end + 2;
    return span;
  });
  return {
    document: {
      id,
      title: `Title ${id}`,
      outlet: 'Outlet',
      author: null,
      publishedAt: '2022-01-10',
      url: null,
      language: 'en',
      articleText,
      contentHash: hash,
      sourcePath: null,
    },
    passages,
  };
}

function ftsCount(term: string): number {
  return database.client
    .prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?')
    .pluck()
    .get(`"${term}"`) as number;
}

/** Throws SQLITE_CORRUPT_VTAB when the index does not match the passages table. */
function checkIndex(): void {
  database.client.exec("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)");
}

describe('saveDocuments', () => {
  it('gives each document the outcome saveDocument would, in order', async () => {
    expect(await store.saveDocuments([doc('a', '1', 'Geneva talks'), doc('b', '1', 'Vienna meeting')])).toEqual([
      'inserted',
      'inserted',
    ]);
    expect(
      await store.saveDocuments([doc('a', '1', 'Geneva talks'), doc('b', '2', 'Minsk meeting'), doc('c', '1', 'Riga')]),
    ).toEqual(['unchanged', 'updated', 'inserted']);
    expect(await store.passageCount()).toBe(3);
    expect(ftsCount('vienna')).toBe(0);
    expect(ftsCount('minsk')).toBe(1);
    checkIndex();
  });

  it('writes a document given twice in one batch once, in its last version', async () => {
    const outcomes = await store.saveDocuments([
      doc('a', '1', 'first draft'),
      doc('a', '1', 'first draft'),
      doc('a', '2', 'second draft', 'with two passages'),
    ]);
    expect(outcomes).toEqual(['inserted', 'unchanged', 'updated']);
    expect((await store.getDocument('a'))?.contentHash).toBe('2');
    expect((await store.listPassages()).map((p) => p.text)).toEqual(['second draft', 'with two passages']);
    expect(ftsCount('first')).toBe(0);
    checkIndex();
  });

  it('writes nothing when any document of the batch fails', async () => {
    await store.saveDocuments([doc('a', '1', 'Geneva talks')]);
    const broken = doc('c', '1', 'Riga summit', 'Tallinn summit');
    // Two passages with one ordinal break the unique passage id, after 'b' and part of 'c' went in.
    broken.passages = broken.passages.map((p) => ({ ...p, ordinal: 0 }));
    await expect(
      store.saveDocuments([doc('a', '2', 'Vienna talks'), doc('b', '1', 'Minsk'), broken]),
    ).rejects.toThrow();
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(['a']);
    expect((await store.getDocument('a'))?.contentHash).toBe('1');
    expect(ftsCount('geneva')).toBe(1);
    expect(ftsCount('vienna') + ftsCount('minsk') + ftsCount('riga')).toBe(0);
    checkIndex();
  });

  it('keeps the index in sync through inserts, replacements and deletes of large batches', async () => {
    const batch = Array.from({ length: 300 }, (_, i) =>
      doc(`d${i}`, '1', `Passage ${i} about talks in Geneva`, `More on document ${i}`),
    );
    await store.saveDocuments(batch);
    expect(ftsCount('geneva')).toBe(300);
    await store.saveDocuments(batch.slice(0, 100).map((d) => doc(d.document.id, '2', 'Replaced with Vienna')));
    expect(ftsCount('geneva')).toBe(200);
    expect(ftsCount('vienna')).toBe(100);
    database.client.prepare("DELETE FROM documents WHERE id LIKE 'd1%'").run();
    checkIndex();
    expect(ftsCount('vienna') + ftsCount('geneva')).toBe(
      (await store.listPassages()).filter((p) => p.ordinal === 0).length,
    );
  });

  it('stores text as binding would (a lone surrogate becomes U+FFFD)', async () => {
    await store.saveDocuments([doc('a', '1', 'broken \uD800 text', 'fine text')]);
    expect((await store.listPassages()).map((p) => p.text)).toEqual(['broken \uFFFD text', 'fine text']);
  });

  it('joins a transaction already open as a savepoint', async () => {
    // The SQLite store writes before its promise settles, so its calls can run inside a synchronous transaction.
    const both = database.client.transaction(() => {
      void store.saveDocuments([doc('a', '1', 'Geneva')]);
      void store.saveDocument(doc('b', '1', 'Vienna').document, doc('b', '1', 'Vienna').passages);
      throw new Error('roll back');
    });
    expect(() => both()).toThrow('roll back');
    expect(await store.passageCount()).toBe(0);
    checkIndex();
  });
});
