import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { PassageSpan } from '../corpus.ts';
import { AttacheError, IngestError } from '../errors.ts';
import { extractPage, type WebArticle } from '../feeds/extract-page.ts';
import type { CorpusStore, NewDocument, SaveOutcome } from '../ports/corpus-store.ts';
import { articleLines } from './article-lines.ts';
import { frontMatterHints } from './front-matter.ts';
import { type Manifest, type ManifestEntry, readManifest } from './manifest.ts';
import { formatFromPath, htmlMetaHints, type SourceFormat, toPlainLines } from './read-format.ts';
import { type IngestFailure, listSourceFiles, SUPPORTED_TYPES } from './source-files.ts';
import { buildArticleText, splitPassages } from './split-passages.ts';

export type { IngestFailure } from './source-files.ts';
export { listSourceFiles } from './source-files.ts';

/** Bumped when extraction rules change, so stored documents are re-ingested. */
const INGEST_VERSION = '3';

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

/** What a batch did: every file saved (or found unchanged), and every path it could not use with the reason. */
export interface IngestReport {
  saved: IngestResult[];
  failed: IngestFailure[];
}

/**
 * The document id of a file: its name without the extension (so the seeds keep their ids), with characters that
 * would be awkward in a command line or a passage id (`id:ordinal`) replaced by "-".
 */
export function documentIdFor(path: string): string {
  const name = basename(path, extname(path)).normalize('NFC');
  return name.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'document';
}

function readSource(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new IngestError('unreadable', `${path}: cannot be read (${reason}).`, { cause: error });
  }
  if (bytes.includes(0)) throw new IngestError('not_text', `${path}: not a text file.`);
  return bytes.toString('utf8');
}

/** The content hash of a source: its bytes, its manifest entry and the extraction rules' version. */
function sourceHash(raw: string, meta: ManifestEntry | undefined, format: SourceFormat): string {
  return createHash('sha256')
    .update(format === 'html' ? `${INGEST_VERSION}:readability` : INGEST_VERSION)
    .update('\0')
    .update(raw)
    .update('\0')
    .update(JSON.stringify(meta ?? null))
    .digest('hex');
}

/**
 * The result for a file whose stored document has its content hash and path, or null. Checked before any parsing,
 * so re-ingesting an unchanged folder (the seeds, on every start) costs a read and a hash per file, not an
 * extraction.
 */
async function unchangedResult(store: CorpusStore, path: string, manifest: Manifest): Promise<IngestResult | null> {
  const format = formatFromPath(path);
  if (format === null) return null;
  const id = documentIdFor(path);
  const raw = readSource(path);
  const stored = await store.getDocument(id);
  if (stored?.contentHash !== sourceHash(raw, manifest.get(id), format) || stored.sourcePath !== resolve(path))
    return null;
  return { path, documentId: id, outcome: 'unchanged', passages: splitPassages(stored.articleText).length };
}

/**
 * Reads one file and turns it into a document with passages, without writing
 * anything. Throws IngestError when the file cannot be read, has an
 * unsupported type, or holds no article text.
 */
export function prepareDocument(path: string, manifest: Manifest = new Map()): PreparedDocument {
  const format = formatFromPath(path);
  if (format === null) {
    throw new IngestError('unsupported', `${path}: only ${SUPPORTED_TYPES} files can be ingested.`);
  }
  const raw = readSource(path);
  const id = documentIdFor(path);
  // A saved web page goes through the same extractor as a fetched one (Readability, then the chrome rules).
  const web: WebArticle | null = format === 'html' ? extractPage(raw, null) : null;
  const article =
    web && web.paragraphs.length > 0
      ? { paragraphs: web.paragraphs, title: web.title, hints: { outlet: null, author: null, publishedAt: null } }
      : articleLines(toPlainLines(raw, format));
  if (article.paragraphs.length === 0) {
    throw new IngestError(
      'no_article',
      raw.trim() === ''
        ? `${path}: the file is empty.`
        : `${path}: no article text found: no line reads as a sentence (only headings, menus, links or credits).`,
    );
  }
  const articleText = buildArticleText(article.paragraphs);
  const meta = manifest.get(id);
  const page = format === 'html' ? htmlMetaHints(raw) : null;
  const front = format === 'md' ? frontMatterHints(raw) : null;
  const pick = <T>(fromManifest: T | null | undefined, ...fallbacks: (T | null | undefined)[]): T | null => {
    if (fromManifest !== undefined) return fromManifest;
    return fallbacks.find((value) => value !== undefined && value !== null) ?? null;
  };
  const document: NewDocument = {
    id,
    title: pick(meta?.title, front?.title, web?.title, page?.headline, article.title, page?.title),
    outlet: pick(meta?.outlet, front?.outlet, web?.outlet, page?.outlet, article.hints.outlet),
    author: pick(meta?.author, front?.author, web?.author, page?.author, article.hints.author),
    publishedAt: pick(
      meta?.publishedAt,
      front?.publishedAt,
      web?.publishedAt,
      page?.publishedAt,
      article.hints.publishedAt,
    ),
    url: pick(meta?.url, front?.url, web?.canonicalUrl, page?.url),
    language: pick(meta?.language, front?.language, web?.language, page?.language),
    articleText,
    contentHash: sourceHash(raw, meta, format),
    sourcePath: resolve(path),
  };
  return { document, passages: splitPassages(articleText) };
}

/**
 * Why a document may not take an id, or null when it may: an id belongs to one source file. The same file
 * (same path) may update it; so may a file whose stored source no longer exists (a moved folder), or one with
 * identical content. Anything else would silently replace another article, so it is refused.
 */
async function collision(
  store: CorpusStore,
  claimed: Map<string, string>,
  prepared: PreparedDocument,
): Promise<string | null> {
  const { id, sourcePath } = prepared.document;
  const inBatch = claimed.get(id);
  if (inBatch !== undefined && inBatch !== sourcePath) {
    return `its id "${id}" is already taken in this batch by ${inBatch}; rename one of the files`;
  }
  const stored = await store.getDocument(id);
  if (!stored || stored.contentHash === prepared.document.contentHash) return null;
  if (stored.sourcePath === null || (stored.sourcePath !== sourcePath && existsSync(stored.sourcePath))) {
    const owner = stored.sourcePath ?? stored.url ?? 'another source';
    return `its id "${id}" already belongs to ${owner}; rename this file, or run "remove ${id}" first to replace that document`;
  }
  return null;
}

/**
 * Ingests files (or folders of them, sub-folders included). Every usable file is saved — unchanged ones are a
 * no-op, changed ones are written in one transaction — and every path that could not be used is reported with
 * its reason; one bad file never stops the others.
 */
export async function ingestFiles(store: CorpusStore, paths: readonly string[]): Promise<IngestReport> {
  const listing = listSourceFiles(paths);
  const failed = [...listing.failed];
  const manifests = new Map<string, Manifest>();
  const claimed = new Map<string, string>();
  const ready: (PreparedDocument & { file: string; at: number })[] = [];
  // Results in listing order: unchanged files are known at once, written ones after the batch is saved.
  const results: (IngestResult | undefined)[] = [];
  for (const [at, file] of listing.files.entries()) {
    try {
      const folder = dirname(resolve(file));
      let manifest = manifests.get(folder);
      if (!manifest) {
        manifest = readManifest(folder);
        manifests.set(folder, manifest);
      }
      const same = await unchangedResult(store, file, manifest);
      if (same && !claimed.has(same.documentId)) {
        claimed.set(same.documentId, resolve(file));
        results[at] = same;
        continue;
      }
      const prepared = prepareDocument(file, manifest);
      const refused = await collision(store, claimed, prepared);
      if (refused) {
        failed.push({ path: file, code: 'id_taken', reason: refused });
        continue;
      }
      claimed.set(prepared.document.id, prepared.document.sourcePath ?? file);
      ready.push({ file, at, ...prepared });
    } catch (error) {
      if (!(error instanceof AttacheError)) throw error;
      // The message starts with the path already; the report keeps path and reason apart.
      const reason = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
      failed.push({ path: file, code: error.code, reason: reason.replace(/\.$/, '') });
    }
  }
  const outcomes = ready.length > 0 ? await store.saveDocuments(ready) : [];
  for (const [i, { file, at, document, passages }] of ready.entries()) {
    results[at] = {
      path: file,
      documentId: document.id,
      outcome: outcomes[i] ?? 'unchanged',
      passages: passages.length,
    };
  }
  return { saved: results.filter((r) => r !== undefined), failed };
}
