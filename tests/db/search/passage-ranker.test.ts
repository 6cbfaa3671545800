import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../core/corpus.ts';
import type { CorpusStore } from '../../../core/ports/corpus-store.ts';
import { buildMatchQuery } from '../../../core/retrieval/match-query.ts';
import { searchPassages } from '../../../core/retrieval/search-passages.ts';
import { type OpenedDatabase, openDatabase } from '../../../db/open-database.ts';
import { createCorpusRepository } from '../../../db/repositories/corpus-repository.ts';
import type { SearchTuning } from '../../../db/search/common-words.ts';
import { createCorpusGenerator } from '../../bench/corpus-generator.ts';
import { buildQueries } from '../../bench/queries.ts';
import { loadSeedMaterial } from '../../bench/seed-material.ts';
import { oneParagraph } from '../../support/documents.ts';
import { seededStore } from '../../support/seeded-store.ts';

/** Questions and topics of the kind the app gets, plus some that stress aliases and phrases. */
const SEED_QUERIES = [
  'Ryabkov concession',
  'What did the US offer Russia on missile deployments in Europe?',
  'NATO expansion and the open-door policy',
  'Sergey Ryabkov said talks were difficult but professional',
  'Wendy Sherman Geneva dinner',
  'Washington Kremlin optimistic',
  'troops on the Ukrainian border',
  'Blinken Lavrov meeting',
  'sanctions if Russia invades Ukraine',
  'OSCE Vienna security talks',
  'European Union role in the negotiations',
  'U.S.-Russia strategic stability dialogue',
  'Peskov Kremlin spokesman comments',
  'what happens next after Geneva',
  'deadline for written answers',
];

const HOSTILE = [
  '"unbalanced quote',
  'NEAR(russia nato, 3)',
  'russia AND OR NOT nato',
  "'; DROP TABLE passages; --",
  'text: Geneva',
  '{Ryabkov Sherman}',
  '🇺🇦🇷🇺 🤝',
  'روسيا والولايات المتحدة',
  'מה קרה בז׳נבה?',
  'Genève Rjabkow Müller Straße',
  'U.S.-Russia talks',
  'x'.repeat(1999),
];

const ids = (passages: readonly RetrievedPassage[]): string[] => passages.map((p) => p.id);

/** The store on `database` with its ranking tuned (each tuning gets its own caches). */
function tuned(database: OpenedDatabase, search: SearchTuning): CorpusStore {
  return createCorpusRepository(database.db, { search });
}

/** One FTS5 bm25() query over the whole expression: no phrase is ever common. */
async function exhaustive(database: OpenedDatabase, text: string, limit: number): Promise<RetrievedPassage[]> {
  const { groups } = buildMatchQuery(text);
  return tuned(database, { commonThreshold: Number.POSITIVE_INFINITY }).searchPassages(groups, limit);
}

describe('searchPassages on the seeds', async () => {
  const { database, store } = await seededStore();
  afterAll(() => database.close());

  it.each(SEED_QUERIES)('gives exactly the single FTS5 query for %j', async (text) => {
    const { groups } = buildMatchQuery(text);
    expect(await store.searchPassages(groups, 10)).toEqual(await exhaustive(database, text, 10));
    expect((await searchPassages(store, text, 10)).passages).toEqual(await exhaustive(database, text, 10));
  });

  it.each(SEED_QUERIES)('computes bm25() itself to the same scores for %j', async (text) => {
    // A threshold of 0 sends every query down the cached-list path and makes no phrase rare, so it
    // scores them all exhaustively: the ranking and scores must match FTS5's own bm25().
    const { groups } = buildMatchQuery(text);
    const own = await tuned(database, { commonThreshold: 0 }).searchPassages(groups, 10);
    const fts5 = await exhaustive(database, text, 10);
    expect(own.length).toBe(fts5.length);
    own.forEach((passage, i) => {
      expect(passage.score).toBeCloseTo(fts5[i]?.score ?? Number.NaN, 9);
      expect(passage.document).toEqual(fts5[i]?.document);
    });
    // Equal scores may come in either order; everything else in the same order.
    expect([...ids(own)].sort()).toEqual([...ids(fts5)].sort());
  });

  it.each(HOSTILE)('answers %j without throwing on either path', async (text) => {
    for (const commonThreshold of [undefined, 0, 1]) {
      const { passages } = await searchPassages(tuned(database, { commonThreshold }), text, 10);
      expect(Array.isArray(passages)).toBe(true);
      for (const passage of passages) expect(passage.text.length).toBeGreaterThan(0);
    }
  });

  it('returns nothing for no groups or a limit of zero', async () => {
    expect(await store.searchPassages([], 10)).toEqual([]);
    expect(await tuned(database, { commonThreshold: 0 }).searchPassages([['geneva']], 0)).toEqual([]);
  });
});

describe('searchPassages on a synthetic corpus with common words', () => {
  const generator = createCorpusGenerator(loadSeedMaterial(), 7);
  const queries = buildQueries(generator, 40);
  /** 2% of the passages, as the default threshold is at 100k. */
  const threshold = 60;
  let database: OpenedDatabase;
  let store: CorpusStore;

  beforeAll(async () => {
    database = openDatabase(':memory:');
    store = createCorpusRepository(database.db);
    await store.saveDocuments([...generator.documents(3_000)]);
  });
  afterAll(() => database.close());

  it('keeps most of the exhaustive top 10 (two-stage overlap at least 80% on average)', async () => {
    let overlap = 0;
    let counted = 0;
    let staged = 0;
    for (const text of [...queries.short, ...queries.long]) {
      const full = ids(await exhaustive(database, text, 10));
      if (full.length === 0) continue;
      const fast = ids((await searchPassages(tuned(database, { commonThreshold: threshold }), text, 10)).passages);
      // More matches than the threshold: ranked from the cached lists, not by one FTS5 query.
      if ((await exhaustive(database, text, threshold + 1)).length > threshold) staged++;
      expect(fast.length).toBe(full.length);
      overlap += fast.filter((id) => full.includes(id)).length / full.length;
      counted++;
    }
    expect(staged).toBeGreaterThan(counted / 2);
    expect(overlap / counted).toBeGreaterThanOrEqual(0.8);
  });

  it('ranks best first with scores that are bm25() of the whole expression', async () => {
    for (const text of queries.long.slice(0, 10)) {
      const fast = (await searchPassages(tuned(database, { commonThreshold: threshold }), text, 10)).passages;
      const scores = fast.map((p) => p.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      // Every passage found by both carries the same score as FTS5 gives it.
      const full = new Map((await exhaustive(database, text, 50)).map((p) => [p.id, p.score]));
      for (const passage of fast) {
        const reference = full.get(passage.id);
        if (reference !== undefined) expect(passage.score).toBeCloseTo(reference, 9);
      }
    }
  });

  it.each(HOSTILE)('answers %j without throwing', async (text) => {
    const { passages } = await searchPassages(tuned(database, { commonThreshold: threshold }), text, 10);
    expect(Array.isArray(passages)).toBe(true);
  });

  it('sees passages saved after the caches were filled', async () => {
    const query = `${queries.short[0] ?? 'talks'} zyxwvut`;
    const fast = tuned(database, { commonThreshold: threshold });
    await searchPassages(fast, query, 10);
    await fast.saveDocuments([
      oneParagraph('late-addition', 'The zyxwvut delegation arrived for talks with the zyxwvut envoys.'),
    ]);
    const after = (await searchPassages(fast, query, 10)).passages;
    expect(after[0]?.id).toBe('late-addition:0');
    expect(ids(after)).toEqual(ids(await exhaustive(database, query, 10)));
  });

  it('ranks the same after an idle-time warm-up and idle time between queries, and after a save', async () => {
    const query = `${queries.long[0] ?? 'talks'} vutsrqp`;
    // The same queries in the same order (the lists a ranking caches can change the next one) on a store that never
    // warms up and gets no idle time: its read-ahead runs at the start of each next ranking, the other's in between.
    const prepared = tuned(database, { commonThreshold: threshold });
    const plain = tuned(database, { commonThreshold: threshold });
    expect(await prepared.warmUp?.()).toBe(false);
    for (const text of [...queries.short.slice(0, 5), ...queries.long.slice(0, 5)]) {
      expect((await searchPassages(prepared, text, 10)).passages).toEqual(
        (await searchPassages(plain, text, 10)).passages,
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    await prepared.saveDocuments([oneParagraph('after-warm-up', 'The vutsrqp envoys met the vutsrqp delegation.')]);
    await prepared.warmUp?.();
    const after = (await searchPassages(prepared, query, 10)).passages;
    expect(after[0]?.id).toBe('after-warm-up:0');
    expect(after).toEqual((await searchPassages(plain, query, 10)).passages);
  });

  it('sees passages another connection saved to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-rank-'));
    const reader = openDatabase(join(dir, 'corpus.db'));
    const writer = openDatabase(join(dir, 'corpus.db'));
    try {
      const readerStore = tuned(reader, { commonThreshold: 5 });
      const writerStore = createCorpusRepository(writer.db);
      await writerStore.saveDocuments([...generator.documents(500)]);
      const query = `${queries.short[1] ?? 'talks'} qwertyuiop`;
      await searchPassages(readerStore, query, 10);
      await writerStore.saveDocuments([oneParagraph('from-elsewhere', 'Envoys said qwertyuiop twice: qwertyuiop.')]);
      const after = (await searchPassages(readerStore, query, 10)).passages;
      expect(after[0]?.id).toBe('from-elsewhere:0');
    } finally {
      reader.close();
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
