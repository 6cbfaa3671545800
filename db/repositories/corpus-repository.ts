import { asc, eq, sql } from 'drizzle-orm';
import type {
  DocumentMeta,
  DocumentRecord,
  DocumentSummary,
  PassageSpan,
  RetrievedPassage,
} from '../../core/corpus.ts';
import { passageId } from '../../core/corpus.ts';
import type { CorpusStore, NewDocument, SaveOutcome } from '../../core/ports/corpus-store.ts';
import type { AppDatabase } from '../open-database.ts';
import { documents, passages } from '../schema.ts';

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

const passageColumns = sql.raw(
  'p.id, p.document_id, p.ordinal, p.text, p.start_offset, p.end_offset, d.title, d.outlet, d.author, d.published_at, d.url, d.language',
);

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

/** SQLite implementation of the CorpusStore port (documents, passages, FTS5 search). */
export function createCorpusRepository(db: AppDatabase): CorpusStore {
  return {
    contentHash(documentId) {
      const row = db.select({ hash: documents.contentHash }).from(documents).where(eq(documents.id, documentId)).get();
      return row?.hash ?? null;
    },

    saveDocument(document: NewDocument, spans: PassageSpan[]): SaveOutcome {
      return db.transaction((tx) => {
        const existing = tx
          .select({ hash: documents.contentHash })
          .from(documents)
          .where(eq(documents.id, document.id))
          .get();
        if (existing?.hash === document.contentHash) return 'unchanged';
        const row = { ...document, ingestedAt: new Date().toISOString() };
        if (existing) {
          tx.delete(passages).where(eq(passages.documentId, document.id)).run();
          tx.update(documents).set(row).where(eq(documents.id, document.id)).run();
        } else {
          tx.insert(documents).values(row).run();
        }
        for (const span of spans) {
          tx.insert(passages)
            .values({
              id: passageId(document.id, span.ordinal),
              documentId: document.id,
              ordinal: span.ordinal,
              text: span.text,
              startOffset: span.start,
              endOffset: span.end,
            })
            .run();
        }
        return existing ? 'updated' : 'inserted';
      });
    },

    listDocuments(): DocumentSummary[] {
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

    getDocument(id): DocumentRecord | null {
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

    searchPassages(matchExpression, limit): RetrievedPassage[] {
      // MATCH first in a CTE so ranking cost does not mix with the join (see INTEGRATION-NOTES).
      const rows = db.all<PassageJoinRow>(sql`
        WITH hits AS (
          SELECT rowid AS rid, bm25(passages_fts) AS rank
          FROM passages_fts WHERE passages_fts MATCH ${matchExpression}
          ORDER BY rank LIMIT ${limit}
        )
        SELECT ${passageColumns}, -hits.rank AS score
        FROM hits JOIN passages p ON p.rowid = hits.rid JOIN documents d ON d.id = p.document_id
        ORDER BY hits.rank`);
      return rows.map(toRetrieved);
    },

    getPassages(ids): RetrievedPassage[] {
      if (ids.length === 0) return [];
      const rows = db.all<PassageJoinRow>(sql`
        SELECT ${passageColumns}, 0 AS score
        FROM passages p JOIN documents d ON d.id = p.document_id
        WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
      const byId = new Map(rows.map((r) => [r.id, toRetrieved(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    listPassages(options = {}): RetrievedPassage[] {
      const filter = options.ingestedAfter ? sql`WHERE d.ingested_at > ${options.ingestedAfter}` : sql``;
      const rows = db.all<PassageJoinRow>(sql`
        SELECT ${passageColumns}, 0 AS score
        FROM passages p JOIN documents d ON d.id = p.document_id
        ${filter}
        ORDER BY d.id, p.ordinal`);
      return rows.map(toRetrieved);
    },

    passageCount(): number {
      return db.select({ n: sql<number>`count(*)` }).from(passages).get()?.n ?? 0;
    },
  };
}
