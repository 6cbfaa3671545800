import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { testDocument } from '../support/documents.ts';

let dir: string;
let first: OpenedDatabase;
let second: OpenedDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attache-count-'));
  first = openDatabase(join(dir, 'a.db'));
  second = openDatabase(join(dir, 'a.db'));
});

afterEach(() => {
  first.close();
  second.close();
  rmSync(dir, { recursive: true, force: true });
});

it('counts passages exactly through its own saves and removals and another connection’s writes', async () => {
  const store = createCorpusRepository(first.db);
  const other = createCorpusRepository(second.db);
  expect(await store.passageCount()).toBe(0);
  await store.saveDocument(
    testDocument('a', '1', 'Geneva', 'Vienna').document,
    testDocument('a', '1', 'Geneva', 'Vienna').passages,
  );
  expect(await store.passageCount()).toBe(2);
  await other.saveDocuments([testDocument('b', '1', 'Moscow', 'Kyiv', 'Brussels')]);
  expect(await store.passageCount()).toBe(5);
  // A replacement with fewer passages, by the other connection: the highest rowid alone would not tell.
  await other.saveDocuments([testDocument('a', '2', 'Geneva')]);
  expect(await store.passageCount()).toBe(4);
  // Removed by the other connection: nothing this connection sees in the table's shape changes.
  await other.removeDocuments(['b']);
  expect(await store.passageCount()).toBe(1);
  await store.saveDocuments([testDocument('c', '1', 'Paris', 'Rome')]);
  await store.removeDocuments(['c']);
  expect(await store.passageCount()).toBe(1);
  expect(await other.passageCount()).toBe(1);
});
