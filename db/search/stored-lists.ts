import type Database from 'better-sqlite3';
import type { PackedPostings } from './packed-postings.ts';

/** A stored list and the highest rowid it covers (its peak is left to the reader: norms change). */
export interface StoredList {
  packed: PackedPostings;
  upto: number;
}

/** SQLite errors that only mean the list is not stored this time (another writer, a read-only file). */
const SKIPPED_WRITES = /^SQLITE_(BUSY|LOCKED|READONLY)/;

/**
 * The search_lists table (migration 0007): packed lists of common terms, written by searches after they
 * read a list in full, so that later processes read one blob. Valid only under the removal count they were
 * written with (triggers bump it and clear the table whenever a passage is deleted or its text changes);
 * appended passages leave them valid up to the rowid they cover.
 */
export function createStoredLists(client: Database.Database) {
  const select = client.prepare('SELECT upto, removals, entries, most, last, bytes FROM search_lists WHERE term = ?');
  const upsert = client.prepare(
    `INSERT INTO search_lists (term, upto, removals, entries, most, last, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (term) DO UPDATE SET upto = excluded.upto, removals = excluded.removals, entries = excluded.entries,
       most = excluded.most, last = excluded.last, bytes = excluded.bytes`,
  );
  const removals = client.prepare('SELECT count FROM search_removals WHERE id = 1').pluck();
  const highest = client.prepare('SELECT coalesce(max(id), 0) FROM passages_fts_docsize').pluck();

  return {
    /** The stored list of `term`, or null when there is none written under the removal count `current`. */
    load(term: string, current: number): StoredList | null {
      const row = select.get(term) as
        | { upto: number; removals: number; entries: number; most: number; last: number; bytes: Buffer }
        | undefined;
      if (row === undefined || row.removals !== current) return null;
      const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
      return { upto: row.upto, packed: { bytes, length: row.entries, most: row.most, last: row.last, peak: 0 } };
    },

    /**
     * Stores a list covering the passages up to `upto` under removal count `removals`. Never waits for
     * another writer and never fails a search: a list not stored now is stored by a later full read.
     */
    save(term: string, packed: PackedPostings, at: { upto: number; removals: number }): void {
      if (client.inTransaction || client.readonly) return;
      const timeout = client.pragma('busy_timeout', { simple: true }) as number;
      client.pragma('busy_timeout = 0');
      try {
        upsert.run(term, at.upto, at.removals, packed.length, packed.most, packed.last, packed.bytes);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !SKIPPED_WRITES.test(code)) throw error;
      } finally {
        client.pragma(`busy_timeout = ${timeout}`);
      }
    },

    /** The highest indexed rowid and the removal count now. */
    point(): { upto: number; removals: number } {
      return { upto: highest.get() as number, removals: removals.get() as number };
    },
  };
}
