import type Database from 'better-sqlite3';
import { asc, eq, sql } from 'drizzle-orm';
import type { DocumentMeta, DocumentRecord, DocumentSummary, RetrievedPassage } from '../../core/corpus.ts';
import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import type { AppDatabase } from '../open-database.ts';
import { documents } from '../schema.ts';
import type { SearchTuning } from '../search/common-words.ts';
import { createSqliteSearch } from '../search/sqlite-search.ts';
import { createCorpusWriter } from './corpus-writer.ts';

type DocumentRow = typeof documents.$inferSelect;

interface PassageJoinRow {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
  score: number;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
}

const PASSAGE_COLUMNS =
  'p.id, p.document_id, p.ordinal, p.text, p.start_offset, p.end_offset, d.title, d.outlet, d.author, d.published_at, d.url, d.language';
const passageColumns = sql.raw(PASSAGE_COLUMNS);

function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.publishedAt,
    url: row.url,
    language: row.language,
  };
}

function toRetrieved(row: PassageJoinRow): RetrievedPassage {
  return {
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    score: row.score,
    document: {
      id: row.document_id,
      title: row.title,
      outlet: row.outlet,
      author: row.author,
      publishedAt: row.published_at,
      url: row.url,
      language: row.language,
    },
  };
}

/** The better-sqlite3 client under a drizzle database (drizzle() keeps it as $client). */
function clientOf(db: AppDatabase): Database.Database {
  const client = (db as { $client?: Database.Database }).$client;
  if (!client) throw new Error('createCorpusRepository needs a drizzle database opened on a better-sqlite3 client.');
  return client;
}

/**
 * SQLite implementation of the CorpusStore port (documents, passages, FTS5 search through db/search). Writes
 * and searches go through prepared statements on the better-sqlite3 client (the query builder costs more
 * than SQLite at bulk). `search` tunes ranking on large corpora (tests and the bench; the app uses defaults).
 */
export function createCorpusRepository(db: AppDatabase, options: { search?: SearchTuning } = {}): CorpusStore {
  const client = clientOf(db);
  const writer = createCorpusWriter(client);
  const search = createSqliteSearch(client, writer.generation, options.search);
  const byRowidStatement = client.prepare(`
    SELECT p.rowid AS rid, ${PASSAGE_COLUMNS}, 0 AS score
    FROM passages p JOIN documents d ON d.id = p.document_id
    WHERE p.rowid IN (SELECT value FROM json_each(?))`);

  // Another connection's commit, this repository's saves and removals, passages added on this connection otherwise.
  const dataVersion = client.prepare('PRAGMA data_version').pluck();
  const highestRowid = client.prepare('SELECT coalesce(max(rowid), 0) FROM passages').pluck();
  const countStatement = client.prepare('SELECT count(*) FROM passages').pluck();
  let counted: { version: string; count: number } | null = null;

  const store: CorpusStore = {
    async contentHash(documentId) {
      const row = db.select({ hash: documents.contentHash }).from(documents).where(eq(documents.id, documentId)).get();
      return row?.hash ?? null;
    },

    async saveDocument(document, spans) {
      return writer.save([{ document, passages: spans }])[0] ?? 'unchanged';
    },

    async saveDocuments(batch) {
      return writer.save(batch);
    },

    async removeDocuments(ids) {
      return writer.remove(ids);
    },

    async listDocuments(): Promise<DocumentSummary[]> {
      const rows = db
        .select({
          doc: documents,
          passages: sql<number>`(SELECT count(*) FROM passages p WHERE p.document_id = "documents"."id")`,
        })
        .from(documents)
        .orderBy(asc(documents.id))
        .all();
      return rows.map((r) => ({ ...toMeta(r.doc), passages: r.passages, ingestedAt: r.doc.ingestedAt }));
    },

    async getDocument(id): Promise<DocumentRecord | null> {
      const row = db.select().from(documents).where(eq(documents.id, id)).get();
      if (!row) return null;
      return {
        ...toMeta(row),
        articleText: row.articleText,
        contentHash: row.contentHash,
        sourcePath: row.sourcePath,
        ingestedAt: row.ingestedAt,
      };
    },

    warmUp: async () => search.warmUp(),

    async searchPassages(groups, limit): Promise<RetrievedPassage[]> {
      const ranked = search.rank(groups, limit);
      if (ranked.length === 0) return [];
      const rows = byRowidStatement.all(JSON.stringify(ranked.map((r) => r.rowid))) as (PassageJoinRow & {
        rid: number;
      })[];
      const byRowid = new Map(rows.map((row) => [row.rid, row]));
      return ranked.flatMap(({ rowid, score }) => {
        const row = byRowid.get(rowid);
        return row ? [toRetrieved({ ...row, score })] : [];
      });
    },

    async getPassages(ids): Promise<RetrievedPassage[]> {
      if (ids.length === 0) return [];
      const rows = db.all<PassageJoinRow>(sql`
        SELECT ${passageColumns}, 0 AS score
        FROM passages p JOIN documents d ON d.id = p.document_id
        WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
      const byId = new Map(rows.map((r) => [r.id, toRetrieved(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async listPassages(options = {}): Promise<RetrievedPassage[]> {
      const filter = options.ingestedAfter ? sql`WHERE d.ingested_at > ${options.ingestedAfter}` : sql``;
      const rows = db.all<PassageJoinRow>(sql`
        SELECT ${passageColumns}, 0 AS score
        FROM passages p JOIN documents d ON d.id = p.document_id
        ${filter}
        ORDER BY d.id, p.ordinal`);
      return rows.map(toRetrieved);
    },

    async passageCount(): Promise<number> {
      // count(*) reads every row (some 4 ms at 100k passages, and every reply asks): counted again only when
      // the corpus may have changed, keyed as the search caches are (db/search/corpus-stats.ts).
      const version = `${dataVersion.get()}:${writer.generation()}:${highestRowid.get()}`;
      if (counted?.version !== version) counted = { version, count: countStatement.get() as number };
      return counted.count;
    },
  };
  return store;
}
