import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { PassageSpan } from '../corpus.ts';
import { IngestError } from '../errors.ts';
import type { CorpusStore, NewDocument, SaveOutcome } from '../ports/corpus-store.ts';
import { type Manifest, readManifest } from './manifest.ts';
import { formatFromPath, htmlMetaHints, toPlainLines } from './read-format.ts';
import { buildArticleText, splitPassages } from './split-passages.ts';
import { extractArticle } from './strip-chrome.ts';

/** Bumped when extraction rules change, so stored documents are re-ingested. */
const INGEST_VERSION = '1';

export interface PreparedDocument {
  document: NewDocument;
  passages: PassageSpan[];
}

export interface IngestResult {
  path: string;
  documentId: string;
  outcome: SaveOutcome;
  passages: number;
}

function readSource(path: string): string {
  try {
    const bytes = readFileSync(path);
    if (bytes.includes(0)) throw new IngestError('not_text', `${path} is not a text file.`);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new IngestError('unreadable', `Cannot read ${path} (${reason}).`, { cause: error });
  }
}

/**
 * Reads one file and turns it into a document with passages, without writing
 * anything. Throws IngestError when the file cannot be read, has an
 * unsupported type, or holds no article text.
 */
export function prepareDocument(path: string, manifest: Manifest = new Map()): PreparedDocument {
  const format = formatFromPath(path);
  if (format === null) {
    throw new IngestError('unsupported', `${path}: only .txt, .md and .html files can be ingested.`);
  }
  const raw = readSource(path);
  const id = basename(path, extname(path));
  const article = extractArticle(toPlainLines(raw, format));
  if (article.paragraphs.length === 0) {
    throw new IngestError('no_article', `${path} has no article text after removing page chrome.`);
  }
  const articleText = buildArticleText(article.paragraphs);
  const meta = manifest.get(id);
  const html = format === 'html' ? htmlMetaHints(raw) : null;
  const pick = <T>(fromManifest: T | null | undefined, ...fallbacks: (T | null | undefined)[]): T | null => {
    if (fromManifest !== undefined) return fromManifest;
    return fallbacks.find((value) => value !== undefined && value !== null) ?? null;
  };
  const document: NewDocument = {
    id,
    title: pick(meta?.title, html?.headline, article.title, html?.title),
    outlet: pick(meta?.outlet, html?.outlet, article.hints.outlet),
    author: pick(meta?.author, html?.author, article.hints.author),
    publishedAt: pick(meta?.publishedAt, html?.publishedAt, article.hints.publishedAt),
    url: pick(meta?.url),
    language: pick(meta?.language, html?.language),
    articleText,
    contentHash: createHash('sha256')
      .update(INGEST_VERSION)
      .update('\0')
      .update(raw)
      .update('\0')
      .update(JSON.stringify(meta ?? null))
      .digest('hex'),
    sourcePath: resolve(path),
  };
  return { document, passages: splitPassages(articleText) };
}

/** Expands folders into their ingestible files (sorted), keeping files as given. */
export function listSourceFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => formatFromPath(name) !== null)
      .sort()
      .map((name) => join(path, name));
  });
}

/**
 * Ingests files (or folders of them). Every file is read and checked first;
 * if any fails, nothing is written and the first IngestError is thrown.
 * Unchanged files are a no-op; the changed ones are written in one transaction.
 */
export async function ingestFiles(store: CorpusStore, paths: readonly string[]): Promise<IngestResult[]> {
  const files = listSourceFiles(paths);
  const manifests = new Map<string, Manifest>();
  const manifestFor = (file: string): Manifest => {
    const folder = dirname(resolve(file));
    let manifest = manifests.get(folder);
    if (!manifest) {
      manifest = readManifest(folder);
      manifests.set(folder, manifest);
    }
    return manifest;
  };
  const prepared = files.map((file) => ({ file, ...prepareDocument(file, manifestFor(file)) }));
  const outcomes = await store.saveDocuments(prepared);
  return prepared.map(({ file, document, passages }, i) => ({
    path: file,
    documentId: document.id,
    outcome: outcomes[i] ?? 'unchanged',
    passages: passages.length,
  }));
}
