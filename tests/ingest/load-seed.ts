/** Test helpers: read a seed file and run it through the ingest pipeline. */

import { readFileSync } from 'node:fs';
import { toPlainLines } from '../../core/ingest/read-format.ts';
import type { ExtractedArticle } from '../../core/ingest/strip-chrome.ts';
import { extractArticle } from '../../core/ingest/strip-chrome.ts';

export const SEEDS_DIR = new URL('../../seeds/', import.meta.url);

export const SEED_FILES = [
  '000_0440998320377a2e.txt',
  '001_30cfb7c040abcbc8.txt',
  '002_ba90fb386a7b11c3.txt',
  '003_103cb3a0a2eb9731.txt',
  '004_34825e6753b22c68.txt',
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

/** The raw bytes of a seed, decoded as UTF-8. */
export function readSeed(file: string): string {
  return readFileSync(new URL(file, SEEDS_DIR), 'utf8');
}

/** A seed's raw text and its extracted article. */
export function extractSeed(file: string): { raw: string; article: ExtractedArticle } {
  const raw = readSeed(file);
  return { raw, article: extractArticle(toPlainLines(raw, 'txt')) };
}
