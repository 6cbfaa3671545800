import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from '../../core/errors.ts';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { SEEDS_DIR } from '../support/seeded-store.ts';

let dir: string;
let database: OpenedDatabase;
let store: CorpusStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attache-ingest-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  database = openDatabase(':memory:');
  store = createCorpusRepository(database.db);
});

afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

function ftsCount(term: string): number {
  const row = database.client
    .prepare('SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH ?')
    .get(`"${term}"`) as { n: number };
  return row.n;
}

async function expectIngestError(run: () => Promise<unknown>, code: string): Promise<IngestError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    return error as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('ingestFiles', () => {
  it('ingests the five seeds with their manifest metadata', async () => {
    const results = await ingestFiles(store, [dir]);
    expect(results.map((r) => r.outcome)).toEqual(Array(5).fill('inserted'));
    const documents = await store.listDocuments();
    expect(documents.map((d) => d.id)).toEqual([
      '000_0440998320377a2e',
      '001_30cfb7c040abcbc8',
      '002_ba90fb386a7b11c3',
      '003_103cb3a0a2eb9731',
      '004_34825e6753b22c68',
    ]);
    const dw = documents.find((d) => d.id === '003_103cb3a0a2eb9731');
    expect(dw).toMatchObject({ outlet: 'DW', publishedAt: '2022-01-09' });
    expect(dw?.title).toBe('Russia not hopeful ahead of talks with US over Ukraine');
    for (const d of documents) {
      expect(d.title).toBeTruthy();
      expect(d.passages).toBeGreaterThan(3);
    }
  });

  it('keeps exact offsets: article.slice(start, end) === passage.text', async () => {
    await ingestFiles(store, [dir]);
    for (const summary of await store.listDocuments()) {
      const article = (await store.getDocument(summary.id))?.articleText ?? '';
      const passages = (await store.listPassages()).filter((p) => p.documentId === summary.id);
      expect(passages).toHaveLength(summary.passages);
      for (const p of passages) expect(article.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('re-ingesting unchanged files is a no-op', async () => {
    await ingestFiles(store, [dir]);
    const before = await store.listDocuments();
    const again = await ingestFiles(store, [dir]);
    expect(again.map((r) => r.outcome)).toEqual(Array(5).fill('unchanged'));
    expect(await store.listDocuments()).toEqual(before);
  });

  it('replaces the passages of a changed file, index included', async () => {
    await ingestFiles(store, [dir]);
    const file = join(dir, '003_103cb3a0a2eb9731.txt');
    const original = readFileSync(file, 'utf8');
    expect(ftsCount('naive')).toBe(1);
    writeFileSync(
      file,
      original.replace(
        /Speaking with\s+the Interfax news agency,\s+Ryabkov said it would be "naive"[^\n]*/,
        'The delegation travelled overnight from Moscow to Switzerland for the meeting with the Americans.',
      ),
    );
    const [result] = await ingestFiles(store, [file]);
    expect(result?.outcome).toBe('updated');
    expect(ftsCount('naive')).toBe(0);
    expect(ftsCount('overnight')).toBe(1);
    const article = (await store.getDocument('003_103cb3a0a2eb9731'))?.articleText ?? '';
    for (const p of (await store.listPassages()).filter((x) => x.documentId === '003_103cb3a0a2eb9731')) {
      expect(article.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('a file without article text changes nothing, even in a batch', async () => {
    await ingestFiles(store, [join(dir, '000_0440998320377a2e.txt')]);
    const chromeOnly = join(dir, 'chrome-only.txt');
    writeFileSync(chromeOnly, "1. Skip to content\nToday's Top News\n- Something else\n");
    const before = await store.passageCount();
    await expectIngestError(
      () => ingestFiles(store, [join(dir, '001_30cfb7c040abcbc8.txt'), chromeOnly]),
      'no_article',
    );
    expect(await store.passageCount()).toBe(before);
    expect(await store.getDocument('001_30cfb7c040abcbc8')).toBeNull();
  });

  it('reports unreadable, unsupported and binary files clearly', async () => {
    const missing = await expectIngestError(() => ingestFiles(store, [join(dir, 'missing.txt')]), 'unreadable');
    expect(missing.message).toContain('missing.txt');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, 'x');
    await expectIngestError(() => ingestFiles(store, [pdf]), 'unsupported');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x47, 0x00, 0x01, 0x02]));
    await expectIngestError(() => ingestFiles(store, [binary]), 'not_text');
    expect(await store.passageCount()).toBe(0);
  });

  it('ingests markdown and html files', async () => {
    const md = join(dir, 'extra-note.md');
    writeFileSync(
      md,
      '# Envoys meet in Vienna\n\nThe envoys met in Vienna on Thursday to discuss arms control, officials said.\n\nBoth sides agreed to meet again next month, according to a statement.\n',
    );
    const html = join(dir, 'extra-page.html');
    writeFileSync(
      html,
      '<html><head><title>Summit ends</title></head><body><nav>Skip to content</nav><article><h1>Summit ends</h1><p>The summit ended on Friday with a joint statement on maritime security.</p><p>Leaders said the talks had been &quot;frank and useful&quot; and would continue.</p></article></body></html>',
    );
    const results = await ingestFiles(store, [md, html]);
    expect(results.map((r) => r.outcome)).toEqual(['inserted', 'inserted']);
    expect((await store.getDocument('extra-note'))?.articleText).toContain('The envoys met in Vienna on Thursday');
    const page = await store.getDocument('extra-page');
    expect(page?.title).toBe('Summit ends');
    expect(page?.articleText).toContain('"frank and useful"');
    expect(page?.articleText).not.toContain('Skip to content');
  });
});
