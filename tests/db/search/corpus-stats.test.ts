import { afterAll, describe, expect, it } from 'vitest';
import { createStatsCache } from '../../../db/search/corpus-stats.ts';
import { B, K1 } from '../../../db/search/postings.ts';
import { oneParagraph } from '../../support/documents.ts';
import { seededStore } from '../../support/seeded-store.ts';

describe('corpus statistics read from passages_fts', async () => {
  const { database } = await seededStore();
  afterAll(() => database.close());
  const client = database.client;

  it('decodes passage lengths from the docsize shadow table as fts5vocab counts them (pins this SQLite)', () => {
    // passages_fts_docsize is FTS5's undocumented storage; fts5vocab's instance view is the documented
    // (but full-scan) way to the same numbers. If SQLite changes the format, this fails first.
    client.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.pin_instances USING fts5vocab(main, passages_fts, instance)');
    const counted = new Map(
      (
        client.prepare('SELECT doc, count(*) FROM temp.pin_instances GROUP BY doc').raw().all() as [number, number][]
      ).map(([doc, n]) => [doc, n]),
    );
    const cache = createStatsCache(client, () => 0);
    const stats = cache.corpus(cache.snapshot());
    expect(stats.rows).toBe(counted.size);
    const average = [...counted.values()].reduce((a, b) => a + b, 0) / counted.size;
    for (const [rowid, length] of counted) {
      expect(stats.norms[rowid]).toBeCloseTo(K1 * (1 - B + (B * length) / average), 12);
    }
    expect(String(client.prepare('SELECT sqlite_version()').pluck().get())).toMatch(/^3\.\d+/);
  });

  it('starts a new snapshot when passages are added behind the repository', () => {
    const cache = createStatsCache(client, () => 0);
    const before = cache.snapshot();
    expect(cache.snapshot()).toBe(before);
    client
      .prepare(
        `INSERT INTO documents (id, title, outlet, author, published_at, url, language, article_text, content_hash,
          source_path, ingested_at) VALUES ('pin', NULL, NULL, NULL, NULL, NULL, 'en', 'Envoys met.', 'h', NULL, '2026-01-01')`,
      )
      .run();
    client
      .prepare(
        "INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset) VALUES ('pin:0', 'pin', 0, 'Envoys met.', 0, 11)",
      )
      .run();
    expect(cache.snapshot()).not.toBe(before);
  });
});

describe('corpus statistics over sparse rowids', async () => {
  const { database, store } = await seededStore();
  afterAll(() => database.close());
  const client = database.client;
  client.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.sparse_instances USING fts5vocab(main, passages_fts, instance)');
  /** bm25's norm of every passage, from FTS5's own count of its terms. */
  const expectedNorms = (): Map<number, number> => {
    const counted = client.prepare('SELECT doc, count(*) FROM temp.sparse_instances GROUP BY doc').raw().all() as [
      number,
      number,
    ][];
    const average = counted.reduce((sum, [, n]) => sum + n, 0) / counted.length;
    return new Map(counted.map(([doc, n]) => [doc, K1 * (1 - B + (B * n) / average)]));
  };

  it('reads and extends norms over the passages there are, never over the gaps removals and edits leave', async () => {
    // AUTOINCREMENT never reuses a rowid: years of edited and removed documents leave the live rowids far apart.
    // Arrays are sized by the highest rowid (untouched pages cost nothing), but no pass may run over the gap:
    // at 600M rowids one would write gigabytes.
    const cache = createStatsCache(client, () => 0);
    cache.corpus(cache.snapshot());
    client.prepare("UPDATE sqlite_sequence SET seq = 600000000 WHERE name = 'passages'").run();
    const save = (id: string, text: string) => store.saveDocuments([oneParagraph(id, text)]);
    await save('far-1', 'Envoys met in Geneva to discuss the truce and the truce talks.');
    const appended = cache.corpus(cache.snapshot());
    client.prepare("UPDATE sqlite_sequence SET seq = 900000000 WHERE name = 'passages'").run();
    await save('far-2', 'The ministers of the region met again.');
    const again = cache.corpus(cache.snapshot());
    const fresh = createStatsCache(client, () => 0);
    const read = fresh.corpus(fresh.snapshot());
    const expected = expectedNorms();
    expect(expected.has(600_000_001) && expected.has(900_000_001)).toBe(true);
    for (const stats of [again, read]) {
      for (const [rowid, norm] of expected) expect(stats.norms[rowid]).toBeCloseTo(norm, 12);
      expect([stats.norms[300_000_000], stats.norms[800_000_000]]).toEqual([0, 0]);
    }
    expect(appended.norms[600_000_001]).toBeGreaterThan(0);
  });
});
