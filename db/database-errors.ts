import { StorageError } from '../core/errors.ts';

/** An error code from Node's fs (ENOTDIR) or better-sqlite3 (SQLITE_BUSY), when the error has one. */
function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/**
 * Turns a failure to create, open or write the database file into a StorageError whose message is one line naming
 * the file and what to do. Returns null for errors that are not about the file (bugs stay bugs).
 */
export function databaseError(error: unknown, path: string): StorageError | null {
  if (error instanceof StorageError) return error;
  const code = codeOf(error);
  const say = (kind: string, message: string) =>
    new StorageError(kind, `Database ${path}: ${message}`, { cause: error });
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return say(
      'not_a_folder',
      'part of its folder path is a file, not a folder. Set DATABASE_PATH to a path in a folder.',
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return say('read_only', 'the location is read-only. Set DATABASE_PATH to a file in a folder you can write to.');
  }
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') {
    return say(
      'cannot_open',
      'cannot open or create the file (its folder is missing or not writable, or the path is a folder). Set DATABASE_PATH to a writable file path.',
    );
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return say('disk_full', 'the disk is full. Free some space and start again.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return say(
      'locked',
      'the file is locked by another process (waited 5 s). Stop the other Attaché process using it, or set DATABASE_PATH to another file.',
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return say(
      'corrupt',
      'the file is not a usable SQLite database (corrupt, or another kind of file). Move it away (it is re-created and re-seeded on start) or set DATABASE_PATH to another file.',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return say(
      'io_error',
      `the file could not be read or written (${code}). Check the disk and the file, then start again.`,
    );
  }
  return null;
}
