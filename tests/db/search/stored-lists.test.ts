import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPassages } from '../../../core/retrieval/search-passages.ts';
import { type OpenedDatabase, openDatabase } from '../../../db/open-database.ts';
import { createCorpusRepository } from '../../../db/repositories/corpus-repository.ts';
import { unpack } from '../../../db/search/packed-postings.ts';
import { createCorpusGenerator } from '../../bench/corpus-generator.ts';
import { buildQueries } from '../../bench/queries.ts';
import { loadSeedMaterial } from '../../bench/seed-material.ts';

/** 2% of the 3k passages, as the default threshold is on a large corpus: lists past a quarter of it are stored. */
const THRESHOLD = 60;

interface StoredRow {
  term: string;
  upto: number;
  removals: number;
  entries: number;
  most: number;
  last: number;
  bytes: Buffer;
}

describe('packed lists stored in search_lists', () => {
  const generator = createCorpusGenerator(loadSeedMaterial(), 11);
  const queries = buildQueries(generator, 20);
  const texts = [...queries.short.slice(0, 10), ...queries.long.slice(0, 10)];
  const dir = mkdtempSync(join(tmpdir(), 'attache-stored-lists-'));
  const path = join(dir, 'corpus.db');
  let writer: OpenedDatabase;

  /** A new store on its own connection, as another process would open the file. */
  const opened: OpenedDatabase[] = [];
  const freshStore = () => {
    const database = openDatabase(path);
    opened.push(database);
    return { database, store: createCorpusRepository(database.db, { search: { commonThreshold: THRESHOLD } }) };
  };
  const ranked = async (store: ReturnType<typeof freshStore>['store']) => {
    const out: { id: string; score: number }[][] = [];
    for (const text of texts) {
      out.push((await searchPassages(store, text, 10)).passages.map((p) => ({ id: p.id, score: p.score })));
    }
    return out;
  };
  const rows = (): StoredRow[] =>
    writer.client.prepare('SELECT * FROM search_lists ORDER BY term').all() as StoredRow[];
  /** A term's list as FTS5's own instance view gives it: [rowid, occurrences] ascending. */
  const fts5List = (term: string): [number, number][] =>
    writer.client
      .prepare('SELECT doc, count(*) FROM temp.check_instances WHERE term = ? GROUP BY doc ORDER BY doc')
      .raw()
      .all(term) as [number, number][];
  const storedList = (row: StoredRow): [number, number][] => {
    const bytes = new Uint8Array(row.bytes);
    const list = unpack({ bytes, length: row.entries, most: row.most, last: row.last, peak: 0 });
    return [...list.rowids].map((rowid, i) => [rowid, list.counts?.[i] ?? 1]);
  };

  beforeAll(async () => {
    writer = openDatabase(path);
    await createCorpusRepository(writer.db).saveDocuments([...generator.documents(3_000)]);
    writer.client.exec('CREATE VIRTUAL TABLE temp.check_instances USING fts5vocab(main, passages_fts, instance)');
  });
  afterAll(() => {
    for (const database of [...opened, writer]) database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the lists a ranking read in full, exactly as FTS5 holds them, and later processes rank the same', async () => {
    expect(rows()).toEqual([]);
    const first = await ranked(freshStore().store);
    const stored = rows();
    expect(stored.length).toBeGreaterThan(5);
    const highest = writer.client.prepare('SELECT max(rowid) FROM passages').pluck().get();
    for (const row of stored) {
      expect(row.entries).toBeGreaterThan(THRESHOLD / 4);
      expect(row.upto).toBe(highest);
      expect(storedList(row)).toEqual(fts5List(row.term));
    }
    expect(await ranked(freshStore().store)).toEqual(first);
  });

  it('serves a later process the stored list, not FTS5 (a row swapped for another term is what it ranks by)', async () => {
    const [one, other] = rows().filter((row) => row.entries > THRESHOLD);
    if (!one || !other) throw new Error('expected two common stored lists');
    const { store } = freshStore();
    const before = await store.searchPassages([[one.term]], 10);
    writer.client
      .prepare('UPDATE search_lists SET entries = ?, most = ?, last = ?, bytes = ? WHERE term = ?')
      .run(other.entries, other.most, other.last, other.bytes, one.term);
    const swapped = await freshStore().store.searchPassages([[one.term]], 10);
    const otherRowids = new Set(fts5List(other.term).map(([rowid]) => rowid));
    const rowidOf = writer.client.prepare('SELECT rowid FROM passages WHERE id = ?').pluck();
    expect(swapped.map((p) => p.id)).not.toEqual(before.map((p) => p.id));
    for (const passage of swapped) expect(otherRowids.has(rowidOf.get(passage.id) as number)).toBe(true);
    writer.client.prepare('DELETE FROM search_lists WHERE term = ?').run(one.term);
  });

  it('brings a stored list up to passages appended since, as a full read would', async () => {
    await ranked(freshStore().store);
    const before = rows();
    // A few passages appended (a feed poll): each stored list's tail is read from FTS5 by rowid.
    await createCorpusRepository(writer.db).saveDocuments([...generator.documents(40, 'poll')]);
    const highest = writer.client.prepare('SELECT max(rowid) FROM passages').pluck().get() as number;
    expect(before.every((row) => row.upto < highest)).toBe(true);
    const fromStored = await ranked(freshStore().store);
    const grown = rows().filter((row) => row.upto === highest);
    expect(grown.length).toBeGreaterThan(0);
    for (const row of grown) expect(storedList(row)).toEqual(fts5List(row.term));
    writer.client.exec('DELETE FROM search_lists');
    expect(await ranked(freshStore().store)).toEqual(fromStored);
  });

  it('keeps what one process read across an append and ranks as a fresh read would', async () => {
    const { store } = freshStore();
    await ranked(store);
    await createCorpusRepository(writer.db).saveDocuments([...generator.documents(30, 'second-poll')]);
    const kept = await ranked(store);
    writer.client.exec('DELETE FROM search_lists');
    // The same passages with the same scores (sums taken in another order may differ in the last bit).
    const rounded = (runs: { id: string; score: number }[][]) =>
      runs.map((run) => run.map(({ id, score }) => [id, score.toFixed(9)]));
    expect(rounded(await ranked(freshStore().store))).toEqual(rounded(kept));
  });

  it('drops every stored list when a passage is deleted or its text changes', async () => {
    await ranked(freshStore().store);
    expect(rows().length).toBeGreaterThan(0);
    const removals = writer.client.prepare('SELECT count FROM search_removals').pluck();
    const count = removals.get() as number;
    const [id] = (await createCorpusRepository(writer.db).removeDocuments(['poll-0000000'])) as string[];
    expect(id).toBe('poll-0000000');
    expect(rows()).toEqual([]);
    expect(removals.get()).toBeGreaterThan(count);

    const afterRemoval = await ranked(freshStore().store);
    expect(rows().length).toBeGreaterThan(0);
    writer.client.exec("UPDATE passages SET text = text || ' again' WHERE rowid = (SELECT min(rowid) FROM passages)");
    expect(rows()).toEqual([]);
    const store = freshStore().store;
    const again = await ranked(store);
    expect(again.length).toBe(afterRemoval.length);
  });
});
