import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { oneParagraph } from '../support/documents.ts';

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attache-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'attache.db');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates and migrates an empty file, with WAL and foreign keys on', () => {
    const opened = openDatabase(tempDbPath());
    try {
      expect(opened.isNew).toBe(true);
      expect(opened.client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.client.pragma('foreign_keys', { simple: true })).toBe(1);
      const names = opened.client
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        .all()
        .map((row) => (row as { name: string }).name);
      for (const name of [
        'documents',
        'passages',
        'passages_fts',
        'passages_ad',
        'passages_au',
        'conversation_turns',
        'subscriptions',
        'digest_runs',
        'reply_usage',
        'feeds',
        'feed_items',
        'document_stories',
      ]) {
        expect(names).toContain(name);
      }
    } finally {
      opened.close();
    }
  });

  it('re-opening an already migrated file applies nothing twice', () => {
    const path = tempDbPath();
    openDatabase(path).close();
    const again = openDatabase(path);
    try {
      expect(again.isNew).toBe(false);
      const applied = again.client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
      // Every committed migration, once.
      expect(applied.n).toBe(journal.entries.length);
    } finally {
      again.close();
    }
  });

  it('keeps the FTS index in sync: the writer indexes inserts, the triggers updates and deletes', async () => {
    const opened = openDatabase(':memory:');
    const { client } = opened;
    const store = createCorpusRepository(opened.db);
    await store.saveDocuments([oneParagraph('d', 'Geneva talks')]);
    expect(ftsCount(client, '"geneva"')).toBe(1);
    client.prepare("UPDATE passages SET text = 'Vienna meeting' WHERE id = 'd:0'").run();
    expect(ftsCount(client, '"geneva"')).toBe(0);
    expect(ftsCount(client, '"vienna"')).toBe(1);
    client.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(ftsCount(client, '"vienna"')).toBe(0);
    checkIndex(client);
    opened.close();
  });

  it('upgrades a database indexed by the old insert trigger without losing passages or index entries', async () => {
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    // The database as the migrations before 0005 left it, with passages indexed by the passages_ai trigger.
    const old = new Database(path);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0005_passages_fts_per_batch') });
    old
      .prepare(
        "INSERT INTO documents (id, article_text, content_hash, ingested_at) VALUES ('old', 'Geneva talks', 'h', '2022-01-01')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset) VALUES ('old:0', 'old', 0, 'Geneva talks', 0, 12)",
      )
      .run();
    old.close();
    const upgraded = openDatabase(path);
    try {
      const { client } = upgraded;
      const triggers = client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
      expect(triggers).not.toContain('passages_ai');
      const store = createCorpusRepository(upgraded.db);
      expect((await store.getPassages(['old:0'])).map((p) => p.text)).toEqual(['Geneva talks']);
      await store.saveDocuments([oneParagraph('new', 'Geneva again')]);
      expect(ftsCount(client, '"geneva"')).toBe(2);
      expect((await store.searchPassages([['geneva']], 10)).map((p) => p.id).sort()).toEqual(['new:0', 'old:0']);
      checkIndex(client);
    } finally {
      upgraded.close();
    }
  });

  it('sets FTS5 to merge 16 segments at a level at once, on a new file and on one migrated before 0008', async () => {
    const automerge = (client: Database.Database) =>
      client.prepare("SELECT v FROM passages_fts_config WHERE k = 'automerge'").pluck().get();
    const fresh = openDatabase(tempDbPath());
    try {
      expect(automerge(fresh.client)).toBe(16);
    } finally {
      fresh.close();
    }
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0008_fts5_automerge') });
    expect(automerge(old)).toBeUndefined();
    old.close();
    const upgraded = openDatabase(path);
    try {
      expect(automerge(upgraded.client)).toBe(16);
      const store = createCorpusRepository(upgraded.db);
      for (let batch = 0; batch < 20; batch++)
        await store.saveDocuments([oneParagraph(`d${batch}`, `Geneva talks ${batch}`)]);
      expect(ftsCount(upgraded.client, '"geneva"')).toBe(20);
      checkIndex(upgraded.client);
    } finally {
      upgraded.close();
    }
  });
});

function ftsCount(client: Database.Database, expression: string): number {
  return client
    .prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?')
    .pluck()
    .get(expression) as number;
}

/** Throws SQLITE_CORRUPT_VTAB when the index does not match the passages table. */
function checkIndex(client: Database.Database): void {
  client.exec("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)");
}

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'attache-migrations-'));
  dirs.push(dir);
  cpSync(migrationsFolder, dir, { recursive: true });
  const entries = (journal.entries as { tag: string }[]).filter((entry) => entry.tag < tag);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}
