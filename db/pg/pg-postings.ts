import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';

/** Postings rows per INSERT (four arrays of this length go in one statement). */
const ROWS_PER_STATEMENT = 50_000;
/** tf is a smallint: a term repeated more often than this in one passage counts as this many. */
const MAX_TF = 32_767;

/** A passage as the index sees it: its key and its FTS5 terms in order. */
export interface IndexedPassage {
  seq: number;
  terms: readonly string[];
}

/** What a write did to BM25's totals. */
export interface TotalsDelta {
  passages: number;
  terms: number;
}

/** Each distinct term of each passage with its count, and how many passages each term occurs in. */
function countTerms(passages: readonly IndexedPassage[]) {
  const perPassage = passages.map(({ seq, terms }) => {
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    return { seq, length: terms.length, tf };
  });
  const documents = new Map<string, number>();
  for (const { tf } of perPassage) for (const term of tf.keys()) documents.set(term, (documents.get(term) ?? 0) + 1);
  // Byte-wise order (the column's collation): concurrent writers lock vocabulary rows in the same order.
  const vocabulary = [...documents.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { perPassage, documents, vocabulary };
}

/**
 * Indexes new passages: each term's passage count goes up (new terms get an id), then one postings row per
 * (term, passage), written in index order so the B-tree grows at the end of each term's run.
 */
export async function addPostings(client: pg.PoolClient, passages: readonly IndexedPassage[]): Promise<TotalsDelta> {
  if (passages.length === 0) return { passages: 0, terms: 0 };
  const { perPassage, documents, vocabulary } = countTerms(passages);
  const ids = new Map<string, number>();
  if (vocabulary.length > 0) {
    const upserted = await client.query<{ id: number; term: string }>(
      `INSERT INTO search_terms (term, passages) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET passages = search_terms.passages + excluded.passages
       RETURNING id, term`,
      [vocabulary, vocabulary.map((term) => documents.get(term) as number)],
    );
    for (const row of upserted.rows) ids.set(row.term, row.id);
  }
  const rows: { term: number; seq: number; tf: number; length: number }[] = [];
  let terms = 0;
  for (const { seq, length, tf } of perPassage) {
    terms += length;
    for (const [term, count] of tf)
      rows.push({ term: ids.get(term) as number, seq, tf: Math.min(count, MAX_TF), length });
  }
  rows.sort((a, b) => a.term - b.term || a.seq - b.seq);
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(from, from + ROWS_PER_STATEMENT);
    await client.query(
      `INSERT INTO postings (term_id, passage_seq, tf, length)
       SELECT * FROM unnest($1::int[], $2::int[], $3::smallint[], $4::int[])`,
      [chunk.map((r) => r.term), chunk.map((r) => r.seq), chunk.map((r) => r.tf), chunk.map((r) => r.length)],
    );
  }
  return { passages: passages.length, terms };
}

/**
 * Deletes the passages of documents with their postings, found by the passages' own terms (the postings
 * carry no second index by passage: that would double the cost of every ingest), and lowers each term's
 * passage count. Returns what left BM25's totals.
 */
export async function dropPassages(client: pg.PoolClient, documentIds: readonly string[]): Promise<TotalsDelta> {
  const gone = await client.query<{ seq: number; text: string; length: number }>(
    'DELETE FROM passages WHERE document_id = ANY($1::text[]) RETURNING seq, text, length',
    [[...documentIds]],
  );
  if (gone.rows.length === 0) return { passages: 0, terms: 0 };
  // Stored texts are what was indexed (made storable first), so their terms are the postings' keys.
  const { perPassage, documents, vocabulary } = countTerms(
    gone.rows.map((row) => ({ seq: row.seq, terms: fts5Terms(row.text) })),
  );
  const terms: string[] = [];
  const seqs: number[] = [];
  for (const { seq, tf } of perPassage)
    for (const term of tf.keys()) {
      terms.push(term);
      seqs.push(seq);
    }
  await client.query(
    `DELETE FROM postings p USING unnest($1::text[], $2::int[]) AS x(term, seq), search_terms t
     WHERE t.term = x.term AND p.term_id = t.id AND p.passage_seq = x.seq`,
    [terms, seqs],
  );
  await client.query(
    `UPDATE search_terms t SET passages = t.passages - x.n
     FROM unnest($1::text[], $2::int[]) AS x(term, n) WHERE t.term = x.term`,
    [vocabulary, vocabulary.map((term) => documents.get(term) as number)],
  );
  return {
    passages: -perPassage.length,
    terms: -gone.rows.reduce((sum, row) => sum + row.length, 0),
  };
}
