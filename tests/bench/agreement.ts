/**
 * `npx tsx tests/bench/agreement.ts [passages] [queries] [database file]`: how often the store's fast ranking keeps FTS5's
 * own bm25() top 10 (one exact MATCH query over the whole expression), on the bench's synthetic corpus and
 * queries. Prints the mean share of the exact top 10 kept and the share of queries with an identical set.
 * With a database file (as search-cpu.ts builds it), the corpus is read from there instead of ingested.
 */
import { buildMatchQuery } from '../../core/retrieval/match-query.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { createCorpusGenerator, type SyntheticDocument } from './corpus-generator.ts';
import { buildQueries } from './queries.ts';
import { loadSeedMaterial } from './seed-material.ts';

const passages = Number(process.argv[2] ?? 100_000);
const count = Number(process.argv[3] ?? 100);
const generator = createCorpusGenerator(loadSeedMaterial());
const file = process.argv[4];
const database = openDatabase(file ?? ':memory:');
const fast = createCorpusRepository(database.db);
const exact = createCorpusRepository(database.db, { search: { commonThreshold: Number.POSITIVE_INFINITY } });
if (file === undefined) {
  let batch: SyntheticDocument[] = [];
  for (const document of generator.documents(passages)) {
    batch.push(document);
    if (batch.length >= 500) {
      await fast.saveDocuments(batch);
      batch = [];
    }
  }
  await fast.saveDocuments(batch);
}
const queries = buildQueries(generator, count);
for (const [kind, texts] of [
  ['short', queries.short],
  ['long', queries.long],
] as const) {
  let kept = 0;
  let identical = 0;
  let counted = 0;
  for (const text of texts) {
    const { groups } = buildMatchQuery(text);
    const reference = (await exact.searchPassages(groups, 10)).map((p) => p.id);
    if (reference.length === 0) continue;
    const ids = new Set((await fast.searchPassages(groups, 10)).map((p) => p.id));
    const share = reference.filter((id) => ids.has(id)).length / reference.length;
    kept += share;
    if (share === 1) identical++;
    counted++;
  }
  console.log(
    `${passages} passages, ${kind} queries (${counted}): top-10 kept ${((100 * kept) / counted).toFixed(1)}%, identical sets ${((100 * identical) / counted).toFixed(1)}%`,
  );
}
database.close();
