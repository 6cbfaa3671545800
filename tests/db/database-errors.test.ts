import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../core/errors.ts';
import { databaseError } from '../../db/database-errors.ts';
import { openDatabase } from '../../db/open-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'attache-dberr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openError(path: string): StorageError {
  try {
    openDatabase(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    const message = (error as StorageError).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(path);
    return error as StorageError;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('database file problems are one line naming the file and what to do', () => {
  it('a path under a file, not a folder', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    expect(openError(join(file, 'attache.db')).code).toBe('not_a_folder');
  });

  it('a path that is a folder', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(openError(folder).message).toMatch(/cannot open or create the file.*DATABASE_PATH/);
  });

  it('a file that is not a database', () => {
    const bad = join(dir, 'garbage.db');
    writeFileSync(bad, 'this is not a database, it is a shopping list\n'.repeat(100));
    expect(openError(bad).code).toBe('corrupt');
  });

  it('a file locked by another process', () => {
    const path = join(dir, 'locked.db');
    const holder = new Database(path);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      expect(openError(path).code).toBe('locked');
    } finally {
      holder.close();
    }
  }, 30_000);

  it('a full disk', () => {
    const client = new Database(':memory:');
    client.exec('CREATE TABLE t (x)');
    client.pragma('max_page_count = 2');
    let full: unknown;
    try {
      client.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (error) {
      full = error;
    }
    client.close();
    const mapped = databaseError(full, '/data/attache.db');
    expect(mapped?.code).toBe('disk_full');
    expect(mapped?.message).toBe('Database /data/attache.db: the disk is full. Free some space and start again.');
  });

  it('leaves errors that are not about the file alone', () => {
    expect(databaseError(new TypeError('bug'), '/data/attache.db')).toBeNull();
  });
});
