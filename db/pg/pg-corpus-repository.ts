import type pg from 'pg';
import type { DocumentRecord, DocumentSummary, RetrievedPassage } from '../../core/corpus.ts';
import type { CorpusStore } from '../../core/ports/corpus-store.ts';
import type { SearchTuning } from '../search/common-words.ts';
import { removePg, savePg } from './pg-corpus-writer.ts';
import { createPgSearch, type PgScored } from './pg-search.ts';
import { versionTokenSql } from './pg-search-sql.ts';

interface PassageRow {
  seq: number;
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
}

const PASSAGE_SELECT = `SELECT p.seq, p.id, p.document_id, p.ordinal, p.text, p.start_offset, p.end_offset,
  d.title, d.outlet, d.author, d.published_at, d.url, d.language
  FROM passages p JOIN documents d ON d.id = p.document_id`;

function toRetrieved(row: PassageRow, score = 0): RetrievedPassage {
  return {
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    score,
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

/** The rows of `ranked` (rows of passages gone since are left out), best first, with their scores. */
function inRankOrder(ranked: readonly PgScored[], rows: readonly PassageRow[]): RetrievedPassage[] {
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return ranked.flatMap(({ seq, score }) => {
    const row = bySeq.get(seq);
    return row ? [toRetrieved(row, score)] : [];
  });
}

/** PostgreSQL implementation of the CorpusStore port; search is BM25 over postings (db/pg/pg-search.ts). */
export function createPgCorpusRepository(pool: pg.Pool, options: { search?: SearchTuning } = {}): CorpusStore {
  const search = createPgSearch(pool, options.search);
  return {
    async contentHash(documentId) {
      const result = await pool.query<{ h: string }>('SELECT content_hash AS h FROM documents WHERE id = $1', [
        documentId,
      ]);
      return result.rows[0]?.h ?? null;
    },

    async saveDocument(document, passages) {
      return (await savePg(pool, [{ document, passages }]))[0] ?? 'unchanged';
    },

    saveDocuments: (batch) => savePg(pool, batch),

    removeDocuments: (ids) => removePg(pool, ids),

    async listDocuments(): Promise<DocumentSummary[]> {
      const result = await pool.query(
        `SELECT d.id, d.title, d.outlet, d.author, d.published_at, d.url, d.language, d.ingested_at,
           (SELECT count(*)::int FROM passages p WHERE p.document_id = d.id) AS passages
         FROM documents d ORDER BY d.id COLLATE "C"`,
      );
      return result.rows.map((r) => ({
        id: r.id,
        title: r.title,
        outlet: r.outlet,
        author: r.author,
        publishedAt: r.published_at,
        url: r.url,
        language: r.language,
        passages: r.passages,
        ingestedAt: r.ingested_at,
      }));
    },

    async getDocument(id): Promise<DocumentRecord | null> {
      const result = await pool.query('SELECT * FROM documents WHERE id = $1', [id]);
      const r = result.rows[0];
      if (!r) return null;
      return {
        id: r.id,
        title: r.title,
        outlet: r.outlet,
        author: r.author,
        publishedAt: r.published_at,
        url: r.url,
        language: r.language,
        articleText: r.article_text,
        contentHash: r.content_hash,
        sourcePath: r.source_path,
        ingestedAt: r.ingested_at,
      };
    },

    async searchPassages(groups, limit) {
      // Ranked from memory when the query's terms and lists are all held as of the last version read: the
      // passages come with the version now, in one round trip, and a corpus moved since means ranking again.
      const first = await search.rank(groups, limit, true);
      if (first.token !== null) {
        const result = await pool.query<PassageRow & { token: string }>({
          name: 'attache-ranked-passages-checked',
          text: `SELECT t.token, r.* FROM (SELECT ${versionTokenSql} AS token FROM corpus_totals WHERE id = 1) t
                 LEFT JOIN (${PASSAGE_SELECT} WHERE p.seq = ANY($1::int[])) r ON true`,
          values: [first.ranked.map((r) => r.seq)],
        });
        if (search.confirm(first.token, result.rows[0]?.token ?? '')) return inRankOrder(first.ranked, result.rows);
      }
      const { ranked } = first.token === null ? first : await search.rank(groups, limit);
      if (ranked.length === 0) return [];
      // Named: prepared once per connection, so each search skips planning the join.
      const result = await pool.query<PassageRow>({
        name: 'attache-ranked-passages',
        text: `${PASSAGE_SELECT} WHERE p.seq = ANY($1::int[])`,
        values: [ranked.map((r) => r.seq)],
      });
      return inRankOrder(ranked, result.rows);
    },

    async getPassages(ids) {
      if (ids.length === 0) return [];
      const result = await pool.query<PassageRow>(`${PASSAGE_SELECT} WHERE p.id = ANY($1::text[])`, [[...ids]]);
      const byId = new Map(result.rows.map((row) => [row.id, toRetrieved(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async listPassages(options = {}) {
      const filter = options.ingestedAfter ? 'WHERE d.ingested_at > $1' : '';
      const result = await pool.query<PassageRow>(
        `${PASSAGE_SELECT} ${filter} ORDER BY d.id COLLATE "C", p.ordinal`,
        options.ingestedAfter ? [options.ingestedAfter] : [],
      );
      return result.rows.map((row) => toRetrieved(row));
    },

    async passageCount() {
      const result = await pool.query<{ n: string }>('SELECT passages AS n FROM corpus_totals WHERE id = 1');
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
