import { afterAll, describe, expect, it } from 'vitest';
import { createStatsCache } from '../../../db/search/corpus-stats.ts';
import { B, K1 } from '../../../db/search/postings.ts';
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
