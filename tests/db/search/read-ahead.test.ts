import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusStore } from '../../../core/ports/corpus-store.ts';
import { searchPassages } from '../../../core/retrieval/search-passages.ts';
import { type OpenedDatabase, openDatabase } from '../../../db/open-database.ts';
import { createCorpusRepository } from '../../../db/repositories/corpus-repository.ts';
import { createCorpusGenerator } from '../../bench/corpus-generator.ts';
import { buildQueries } from '../../bench/queries.ts';
import { loadSeedMaterial } from '../../bench/seed-material.ts';

/** 2% of the passages, as the default threshold is at 100k: most queries take the cached-list path. */
const threshold = 60;

describe('ranking after the common lists are read ahead', () => {
  const generator = createCorpusGenerator(loadSeedMaterial(), 7);
  const queries = buildQueries(generator, 40);
  let database: OpenedDatabase;

  /** A store with its own, empty caches. */
  const fresh = (): CorpusStore => createCorpusRepository(database.db, { search: { commonThreshold: threshold } });
  const idle = () => new Promise((resolve) => setImmediate(resolve));

  beforeAll(async () => {
    database = openDatabase(':memory:');
    await createCorpusRepository(database.db).saveDocuments([...generator.documents(3_000)]);
  });
  afterAll(() => database.close());

  it('ranks every query as a store with empty caches does (a reply never depends on earlier questions)', async () => {
    // Rankings past the cheap path read the vocabulary, then the common terms' lists, in idle time between them;
    // at 3k passages one slice reads every common list, stems that are not words included ("exercis").
    const warmed = fresh();
    await warmed.warmUp?.();
    for (const text of queries.warmup.slice(0, 4)) {
      await searchPassages(warmed, text, 10);
      await idle();
    }
    for (const text of [...queries.short, ...queries.long]) {
      const before = (await searchPassages(fresh(), text, 30)).passages;
      const after = (await searchPassages(warmed, text, 30)).passages;
      // The same passages in the same order, with the same scores but for the order the shares were summed in.
      expect(
        after.map((p) => p.id),
        text,
      ).toEqual(before.map((p) => p.id));
      for (const [i, p] of after.entries()) expect(p.score).toBeCloseTo(before[i]?.score ?? Number.NaN, 9);
    }
  });
});
