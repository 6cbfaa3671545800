import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';

const journal = JSON.parse(
  readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] };

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
        'passages_ai',
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

  it('keeps the FTS index in sync through the triggers', () => {
    const opened = openDatabase(':memory:');
    const { client } = opened;
    client
      .prepare(
        "INSERT INTO documents (id, article_text, content_hash, ingested_at) VALUES ('d', 'Geneva talks', 'h', '2022-01-01')",
      )
      .run();
    client
      .prepare(
        "INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset) VALUES ('d:0', 'd', 0, 'Geneva talks', 0, 12)",
      )
      .run();
    const count = (term: string) =>
      (client.prepare('SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH ?').get(term) as { n: number })
        .n;
    expect(count('"geneva"')).toBe(1);
    client.prepare("UPDATE passages SET text = 'Vienna meeting' WHERE id = 'd:0'").run();
    expect(count('"geneva"')).toBe(0);
    expect(count('"vienna"')).toBe(1);
    client.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(count('"vienna"')).toBe(0);
    opened.close();
  });
});
