/** Expands the paths given to ingest into the files to read, and the paths it cannot use with their reasons. */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatFromPath } from './read-format.ts';

/** A path ingest could not use, and why, in words an operator can act on. */
export interface IngestFailure {
  path: string;
  code: string;
  reason: string;
}

export interface SourceListing {
  /** Files to read, in the order given (folders expanded in name order). */
  files: string[];
  failed: IngestFailure[];
}

/** Per-folder metadata, read by ingest, not a document. */
const MANIFEST = 'manifest.json';

export const SUPPORTED_TYPES = '.txt, .md or .html';

function unsupported(path: string): IngestFailure {
  return { path, code: 'unsupported', reason: `not a ${SUPPORTED_TYPES} file` };
}

function walk(folder: string, listing: SourceListing): number {
  let found = 0;
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    // Hidden files (.DS_Store, .git) are never articles.
    if (entry.name.startsWith('.') || entry.name === MANIFEST) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found += walk(path, listing);
    else if (formatFromPath(entry.name) === null) listing.failed.push(unsupported(path));
    else {
      listing.files.push(path);
      found += 1;
    }
  }
  return found;
}

/**
 * Expands folders (and their sub-folders) into their .txt, .md and .html files, in name order. A missing path,
 * a folder with no such file and a file of another type become failures; nothing here throws for them.
 */
export function listSourceFiles(paths: readonly string[]): SourceListing {
  const listing: SourceListing = { files: [], failed: [] };
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) listing.failed.push({ path, code: 'missing', reason: 'no such file or folder' });
    else if (stats.isDirectory()) {
      if (walk(path, listing) === 0) {
        listing.failed.push({ path, code: 'empty_folder', reason: `the folder holds no ${SUPPORTED_TYPES} files` });
      }
    } else if (formatFromPath(path) === null) listing.failed.push(unsupported(path));
    else listing.files.push(path);
  }
  return listing;
}
