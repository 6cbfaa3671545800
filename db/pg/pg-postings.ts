import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';
import {
  BLOCK_ENTRIES,
  collectPostings,
  lastChunkStart,
  type Posting,
  packEntries,
  planBlocks,
  unpackEntries,
} from './pg-blocks.ts';

/** A block rewritten without removed entries. */
interface BlockWrite {
  termId: number;
  firstSeq: number;
  lastSeq: number;
  data: Buffer;
}

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
 * Indexes new passages: each term's passage count goes up (new terms get an id) and its tail moves, then its
 * new postings are appended to its last block while that has room, else packed into new blocks: a row per
 * term and batch rather than one per term and passage.
 */
export async function addPostings(client: pg.PoolClient, passages: readonly IndexedPassage[]): Promise<TotalsDelta> {
  if (passages.length === 0) return { passages: 0, terms: 0 };
  const { byTerm, terms } = collectPostings(passages);
  // Byte-wise order (the column's collation): concurrent writers lock vocabulary rows in the same order.
  const vocabulary = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = vocabulary.map((term) => (byTerm.get(term) as number[]).length / 3);
  // The database keeps the tail when all of a term's new entries fit in it (their count is the term's new
  // passages), else the tail becomes their last chunk; planBlocks reads which from the returned tail_seq.
  const upserted = await client.query<{ id: number; term: string; tail_seq: number }>(
    `INSERT INTO search_terms (term, passages, tail_seq, tail_entries)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])
     ON CONFLICT (term) DO UPDATE SET passages = search_terms.passages + excluded.passages,
       tail_seq = CASE WHEN search_terms.tail_entries + excluded.passages <= ${BLOCK_ENTRIES}
         THEN search_terms.tail_seq ELSE excluded.tail_seq END,
       tail_entries = CASE WHEN search_terms.tail_entries + excluded.passages <= ${BLOCK_ENTRIES}
         THEN search_terms.tail_entries + excluded.passages ELSE excluded.tail_entries END
     RETURNING id, term, tail_seq`,
    [
      vocabulary,
      counts,
      vocabulary.map((term, i) => (byTerm.get(term) as number[])[lastChunkStart(counts[i] as number) * 3]),
      counts.map((count) => count - lastChunkStart(count)),
    ],
  );
  const blocks = planBlocks(
    upserted.rows.map((row) => ({ id: row.id, tailSeq: row.tail_seq, flat: byTerm.get(row.term) as number[] })),
  );
  // One bytea parameter (sent in binary) cut into blocks by the server: no per-block hex or array literal.
  await client.query(
    `INSERT INTO posting_blocks (term_id, first_seq, last_seq, data)
     SELECT x.term_id, x.first_seq, x.last_seq, substring($6::bytea FROM x.start + 1 FOR x.size)
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[]) AS x(term_id, first_seq, last_seq, start, size)
     ON CONFLICT (term_id, first_seq) DO UPDATE
       SET last_seq = excluded.last_seq, data = posting_blocks.data || excluded.data`,
    [blocks.termIds, blocks.firstSeqs, blocks.lastSeqs, blocks.starts, blocks.sizes, blocks.data],
  );
  return { passages: passages.length, terms };
}

/**
 * Deletes the passages of documents with their postings, lowering each term's passage count, and returns
 * what left BM25's totals. The blocks holding them are found by the passages' own terms (re-tokenised from
 * the stored text: no index by passage, which would cost every ingest) and rewritten without them.
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
  const blocks = await client.query<{ term_id: number; first_seq: number; data: Buffer }>(
    `SELECT b.term_id, b.first_seq, b.data FROM posting_blocks b JOIN (
       SELECT DISTINCT t.id, k.first_seq FROM unnest($1::text[], $2::int[]) AS x(term, seq)
       JOIN search_terms t ON t.term = x.term
       CROSS JOIN LATERAL (SELECT first_seq FROM posting_blocks p WHERE p.term_id = t.id AND p.first_seq <= x.seq
                           ORDER BY p.first_seq DESC LIMIT 1) k
     ) f ON b.term_id = f.id AND b.first_seq = f.first_seq`,
    [terms, seqs],
  );
  const removed = new Set(perPassage.map((p) => p.seq));
  const emptied: { termId: number; firstSeq: number }[] = [];
  const rewritten: BlockWrite[] = [];
  for (const row of blocks.rows) {
    const kept = unpackEntries(row.data).filter((entry) => !removed.has(entry.seq));
    const block = { termId: row.term_id, firstSeq: row.first_seq };
    if (kept.length === 0) emptied.push(block);
    else rewritten.push({ ...block, lastSeq: (kept[kept.length - 1] as Posting).seq, data: packEntries(kept) });
  }
  await client.query(
    `DELETE FROM posting_blocks b USING unnest($1::int[], $2::int[]) AS x(term_id, first_seq)
     WHERE b.term_id = x.term_id AND b.first_seq = x.first_seq`,
    [emptied.map((b) => b.termId), emptied.map((b) => b.firstSeq)],
  );
  await client.query(
    `UPDATE posting_blocks b SET last_seq = x.last_seq, data = x.data
     FROM unnest($1::int[], $2::int[], $3::int[], $4::bytea[]) AS x(term_id, first_seq, last_seq, data)
     WHERE b.term_id = x.term_id AND b.first_seq = x.first_seq`,
    [
      rewritten.map((b) => b.termId),
      rewritten.map((b) => b.firstSeq),
      rewritten.map((b) => b.lastSeq),
      rewritten.map((b) => b.data),
    ],
  );
  // The tails' entry counts stay as they were: an overcount only starts the next block sooner.
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
