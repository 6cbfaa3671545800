/**
 * `npx tsx tests/bench/agreement.ts [passages] [queries] [--postgres]`: how often the store's fast ranking keeps
 * FTS5's own bm25() top 10 (one exact MATCH query over the whole expression), on the bench's synthetic corpus
 * and queries. Prints the mean share of the exact top 10 kept and the share of queries with an identical set.
 * With --postgres (and DATABASE_TEST_URL or DATABASE_URL) the same corpus also goes into a fresh database
 * through the PostgreSQL store, whose top 10 is compared with the exact one and with the SQLite store's.
 */

import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import { buildMatchQuery } from '../../core/retrieval/match-query.ts';
import { openDatabase } from '../../db/open-database.ts';
import { openStorage } from '../../db/open-storage.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { benchDatabase } from './cases/postgres-case.ts';
import { createCorpusGenerator, type SyntheticDocument } from './corpus-generator.ts';
import { buildQueries } from './queries.ts';
import { loadSeedMaterial } from './seed-material.ts';

const [passages, count] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'))
  .map(Number);
const size = passages ?? 100_000;
const postgres = process.argv.includes('--postgres');
const generator = createCorpusGenerator(loadSeedMaterial());
const database = openDatabase(':memory:');
const fast = createCorpusRepository(database.db);
const exact = createCorpusRepository(database.db, { search: { commonThreshold: Number.POSITIVE_INFINITY } });
const pgDatabase = postgres ? await benchDatabase() : null;
const pgStorage = pgDatabase ? await openStorage({ url: pgDatabase.url, path: '' }) : null;
const stores: [string, CorpusStore][] = [['SQLite store', fast]];
if (pgStorage) stores.push(['PostgreSQL store', pgStorage.corpus]);

try {
  let batch: SyntheticDocument[] = [];
  const save = async () => {
    await fast.saveDocuments(batch);
    await pgStorage?.corpus.saveDocuments(batch);
    batch = [];
  };
  for (const document of generator.documents(size)) {
    batch.push(document);
    if (batch.length >= 500) await save();
  }
  await save();
  const queries = buildQueries(generator, count ?? 100);
  for (const [kind, texts] of [
    ['short', queries.short],
    ['long', queries.long],
  ] as const) {
    const results = new Map<string, { kept: number; identical: number; sameAsSqlite: number }>();
    let counted = 0;
    for (const text of texts) {
      const { groups } = buildMatchQuery(text);
      const reference = (await exact.searchPassages(groups, 10)).map((p) => p.id);
      if (reference.length === 0) continue;
      counted++;
      const sqlite = new Set((await fast.searchPassages(groups, 10)).map((p) => p.id));
      for (const [name, store] of stores) {
        const ids = new Set((await store.searchPassages(groups, 10)).map((p) => p.id));
        const share = reference.filter((id) => ids.has(id)).length / reference.length;
        const result = results.get(name) ?? { kept: 0, identical: 0, sameAsSqlite: 0 };
        result.kept += share;
        if (share === 1) result.identical++;
        if (ids.size === sqlite.size && [...ids].every((id) => sqlite.has(id))) result.sameAsSqlite++;
        results.set(name, result);
      }
    }
    const percent = (n: number) => `${((100 * n) / counted).toFixed(1)}%`;
    for (const [name, r] of results) {
      const versus = name === 'SQLite store' ? '' : `, same set as the SQLite store ${percent(r.sameAsSqlite)}`;
      console.log(
        `${name}, ${size} passages, ${kind} queries (${counted}): top-10 kept ${percent(r.kept)}, identical sets ${percent(r.identical)}${versus}`,
      );
    }
  }
} finally {
  database.close();
  await pgStorage?.close();
  await pgDatabase?.drop();
}
