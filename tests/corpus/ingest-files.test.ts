import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from '../../core/errors.ts';
import { ingestFiles, prepareDocument } from '../../core/ingest/ingest-files.ts';
import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { SEEDS_DIR } from '../support/seeded-store.ts';

const SEED_IDS = [
  '000_0440998320377a2e',
  '001_30cfb7c040abcbc8',
  '002_ba90fb386a7b11c3',
  '003_103cb3a0a2eb9731',
  '004_34825e6753b22c68',
];

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

async function expectIngestError(run: () => unknown, code: string): Promise<IngestError> {
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
    const { saved, failed } = await ingestFiles(store, [dir]);
    expect(failed).toEqual([]);
    expect(saved.map((r) => r.outcome)).toEqual(Array(5).fill('inserted'));
    expect(saved.map((r) => r.documentId)).toEqual(SEED_IDS);
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
    expect(again.saved.map((r) => r.outcome)).toEqual(Array(5).fill('unchanged'));
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
    const [result] = (await ingestFiles(store, [file])).saved;
    expect(result?.outcome).toBe('updated');
    expect(ftsCount('naive')).toBe(0);
    expect(ftsCount('overnight')).toBe(1);
    const article = (await store.getDocument('003_103cb3a0a2eb9731'))?.articleText ?? '';
    for (const p of (await store.listPassages()).filter((x) => x.documentId === '003_103cb3a0a2eb9731')) {
      expect(article.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('a batch ingests every usable file and reports each unusable one with its reason', async () => {
    const chromeOnly = join(dir, 'chrome-only.txt');
    writeFileSync(chromeOnly, "1. Skip to content\nToday's Top News\n- Something else\n");
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, 'x');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x47, 0x00, 0x01, 0x02]));
    const missing = join(dir, 'missing.txt');
    const { saved, failed } = await ingestFiles(store, [dir, missing]);
    expect(saved.map((r) => r.documentId)).toEqual(SEED_IDS);
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(SEED_IDS);
    expect(failed).toEqual([
      { path: pdf, code: 'unsupported', reason: 'not a .txt, .md or .html file' },
      { path: missing, code: 'missing', reason: 'no such file or folder' },
      { path: binary, code: 'not_text', reason: 'not a text file' },
      { path: chromeOnly, code: 'no_article', reason: expect.stringContaining('no article text') },
    ]);
  });

  it('says when a folder holds nothing to ingest', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'attache-empty-'));
    try {
      const { saved, failed } = await ingestFiles(store, [empty]);
      expect(saved).toEqual([]);
      expect(failed).toEqual([{ path: empty, code: 'empty_folder', reason: expect.stringContaining('no .txt') }]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('ingests a short file that is all article text', async () => {
    const note = join(dir, 'note.txt');
    writeFileSync(note, 'The envoys met in Vienna on Thursday to discuss arms control, officials said.\n');
    const { saved, failed } = await ingestFiles(store, [note]);
    expect(failed).toEqual([]);
    expect(saved.map((r) => r.outcome)).toEqual(['inserted']);
    expect((await store.getDocument('note'))?.articleText).toBe(
      'The envoys met in Vienna on Thursday to discuss arms control, officials said.',
    );
  });

  it('never lets a file with the same name silently replace another source', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(
      join(a, 'article.txt'),
      'The envoys met in Vienna on Thursday to discuss arms control, officials said.\n',
    );
    writeFileSync(join(b, 'article.txt'), 'The summit in Rome ended on Friday with a joint statement on trade.\n');
    expect((await ingestFiles(store, [join(a, 'article.txt')])).saved.map((r) => r.outcome)).toEqual(['inserted']);
    const second = await ingestFiles(store, [join(b, 'article.txt')]);
    expect(second.saved).toEqual([]);
    expect(second.failed).toEqual([
      {
        path: join(b, 'article.txt'),
        code: 'id_taken',
        reason: expect.stringContaining(`already belongs to ${join(a, 'article.txt')}`),
      },
    ]);
    expect((await store.getDocument('article'))?.articleText).toContain('Vienna');
    // In one batch the first file keeps the id and the second is refused.
    const batch = await ingestFiles(store, [dir]);
    expect(batch.failed.map((f) => [f.path, f.code])).toEqual([[join(b, 'article.txt'), 'id_taken']]);
    // The same file, changed, still updates its own document.
    writeFileSync(
      join(a, 'article.txt'),
      'The envoys met in Vienna on Friday to discuss arms control, officials said.\n',
    );
    expect((await ingestFiles(store, [join(a, 'article.txt')])).saved.map((r) => r.outcome)).toEqual(['updated']);
  });

  it('reads title, outlet, author and date from markdown front matter', async () => {
    const md = join(dir, 'vienna.md');
    writeFileSync(
      md,
      [
        '---',
        'title: "Envoys meet in Vienna"',
        'source: Example Times',
        'author:',
        '  - Jane Doe',
        '  - John Roe',
        'published: 2022-01-12T09:30:00Z',
        '---',
        '',
        'The envoys met in Vienna on Thursday to discuss arms control, officials said.',
        '',
        'Both sides agreed to meet again next month, according to a statement.',
      ].join('\n'),
    );
    expect((await ingestFiles(store, [md])).failed).toEqual([]);
    const document = await store.getDocument('vienna');
    expect(document).toMatchObject({
      title: 'Envoys meet in Vienna',
      outlet: 'Example Times',
      author: 'Jane Doe, John Roe',
      publishedAt: '2022-01-12',
    });
    expect(document?.articleText).not.toContain('Example Times');
  });

  it('remove takes a document and its passages out of the index', async () => {
    await ingestFiles(store, [dir]);
    expect(ftsCount('naive')).toBe(1);
    expect(await store.removeDocuments(['003_103cb3a0a2eb9731', 'no-such-id'])).toEqual(['003_103cb3a0a2eb9731']);
    expect(ftsCount('naive')).toBe(0);
    expect(await store.getDocument('003_103cb3a0a2eb9731')).toBeNull();
    expect((await store.listPassages()).some((p) => p.documentId === '003_103cb3a0a2eb9731')).toBe(false);
    expect(await store.listDocuments()).toHaveLength(4);
  });

  it('prepareDocument reports unreadable, unsupported and binary files clearly', async () => {
    const missing = await expectIngestError(() => prepareDocument(join(dir, 'missing.txt')), 'unreadable');
    expect(missing.message).toContain('missing.txt');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, 'x');
    await expectIngestError(() => prepareDocument(pdf), 'unsupported');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x47, 0x00, 0x01, 0x02]));
    await expectIngestError(() => prepareDocument(binary), 'not_text');
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
    const results = (await ingestFiles(store, [md, html])).saved;
    expect(results.map((r) => r.outcome)).toEqual(['inserted', 'inserted']);
    expect((await store.getDocument('extra-note'))?.articleText).toContain('The envoys met in Vienna on Thursday');
    const page = await store.getDocument('extra-page');
    expect(page?.title).toBe('Summit ends');
    expect(page?.articleText).toContain('"frank and useful"');
    expect(page?.articleText).not.toContain('Skip to content');
  });
});
