import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';
import {
  BLOCK_ENTRIES,
  collectPostings,
  cutTails,
  type Posting,
  packChunks,
  packEntries,
  unpackEntries,
} from './pg-blocks.ts';

/** A block rewritten without removed entries. */
interface BlockWrite {
  termId: number;
  firstSeq: number;
  lastSeq: number;
  data: Buffer;
}

/**
 * A batch's postings, collected before its passages have seqs (while the server stores them): each entry is
 * keyed by the passage's index in `terms` until addPostings swaps in its seq.
 */
export interface CollectedPostings {
  terms: readonly (readonly string[])[];
  byTerm: Map<string, Int32Array>;
  /** Terms in all the passages (BM25's total length grows by this). */
  total: number;
}

/** Collects the postings of passages given by their FTS5 terms, in order (see CollectedPostings). */
export function collectBatch(terms: readonly (readonly string[])[]): CollectedPostings {
  const { byTerm, terms: total } = collectPostings(terms.map((words, index) => ({ seq: index, terms: words })));
  return { terms, byTerm, total };
}

/** Each term's entries keyed by seq (`seqs[i]` is passage i's), ascending by seq. */
function keyBySeq({ terms, byTerm }: CollectedPostings, seqs: readonly number[]): Map<string, Int32Array> {
  for (let i = 1; i < seqs.length; i++)
    if ((seqs[i] as number) <= (seqs[i - 1] as number))
      return collectPostings(terms.map((words, index) => ({ seq: seqs[index] as number, terms: words }))).byTerm;
  // Seqs rise with the index (as the passages were inserted): the entries stay in order, re-keyed in place.
  for (const flat of byTerm.values())
    for (let k = 0; k < flat.length; k += 3) flat[k] = seqs[flat[k] as number] as number;
  return byTerm;
}

/** What a write did to BM25's totals. */
export interface TotalsDelta {
  passages: number;
  terms: number;
}

/** Each distinct term of each passage with its count, and how many passages each term occurs in. */
function countTerms(passages: readonly { seq: number; terms: readonly string[] }[]) {
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
 * Indexes new passages with one upsert on the vocabulary: each term's passage count goes up (new terms get an
 * id) and its new postings, one packed chunk, are appended to its tail, which lives in the term's own row
 * (search_terms.tail). Only a tail that outgrows BLOCK_ENTRIES is cut: its full blocks are inserted into
 * posting_blocks (never updated) and the rest stays as the tail. Per batch that is an in-place update of a
 * narrow table per term, and an insert per sealed block, where appending to a block in posting_blocks rewrote
 * a row and its covering index entry per term.
 */
export async function addPostings(
  client: pg.PoolClient,
  collected: CollectedPostings,
  seqs: readonly number[],
): Promise<TotalsDelta> {
  if (seqs.length === 0) return { passages: 0, terms: 0 };
  const byTerm = keyBySeq(collected, seqs);
  // Byte-wise order (the column's collation): concurrent writers lock vocabulary rows in the same order.
  const vocabulary = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lists = vocabulary.map((term) => byTerm.get(term) as Int32Array);
  const chunks = packChunks(lists);
  // One bytea parameter (sent in binary) cut into chunks by the server: no per-term hex or array literal.
  const spilled = await client.query<{ id: number; tail: Buffer }>(
    `WITH up AS (
       INSERT INTO search_terms (term, passages, tail_entries, tail)
       SELECT x.term, x.n, x.n, substring($4::bytea FROM x.start + 1 FOR x.size)
       FROM unnest($1::text[], $2::int[], $3::int[], $5::int[]) AS x(term, n, start, size)
       ON CONFLICT (term) DO UPDATE SET passages = search_terms.passages + excluded.passages,
         tail_entries = search_terms.tail_entries + excluded.tail_entries,
         tail = search_terms.tail || excluded.tail
       RETURNING id, CASE WHEN tail_entries > ${BLOCK_ENTRIES} THEN tail END AS tail)
     SELECT id, tail FROM up WHERE tail IS NOT NULL`,
    [vocabulary, lists.map((flat) => flat.length / 3), chunks.starts, chunks.data, chunks.sizes],
  );
  if (spilled.rows.length > 0)
    await sealTails(
      client,
      spilled.rows.map((row) => ({ termId: row.id, tail: row.tail })),
    );
  return { passages: seqs.length, terms: collected.total };
}

/** Cuts tails into sealed blocks (inserted) and new tails (written back to their terms). */
async function sealTails(client: pg.PoolClient, tails: readonly { termId: number; tail: Uint8Array }[]) {
  const { blocks, tails: left } = cutTails(tails);
  if (blocks.termIds.length > 0)
    await client.query(
      `INSERT INTO posting_blocks (term_id, first_seq, last_seq, data)
       SELECT x.term_id, x.first_seq, x.last_seq, substring($6::bytea FROM x.start + 1 FOR x.size)
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[]) AS x(term_id, first_seq, last_seq, start, size)`,
      [blocks.termIds, blocks.firstSeqs, blocks.lastSeqs, blocks.starts, blocks.sizes, blocks.data],
    );
  await client.query(
    `UPDATE search_terms t SET tail_entries = x.n, tail = substring($4::bytea FROM x.start + 1 FOR x.size)
     FROM unnest($1::int[], $2::int[], $3::int[], $5::int[]) AS x(id, n, start, size) WHERE t.id = x.id`,
    [left.termIds, left.entries, left.starts, left.data, left.sizes],
  );
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
    const entries = unpackEntries(row.data);
    const kept = entries.filter((entry) => !removed.has(entry.seq));
    if (kept.length === entries.length) continue; // the block before a tail that held the passage
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
  // Tails (in the vocabulary rows) lose the removed entries too; their counts become exact again.
  const tails = await client.query<{ id: number; tail: Buffer }>(
    'SELECT id, tail FROM search_terms WHERE term = ANY($1::text[]) ORDER BY term',
    [vocabulary],
  );
  const trimmed: { id: number; kept: Posting[] }[] = [];
  for (const row of tails.rows) {
    const entries = unpackEntries(row.tail);
    const kept = entries.filter((entry) => !removed.has(entry.seq));
    if (kept.length < entries.length) trimmed.push({ id: row.id, kept });
  }
  await client.query(
    `UPDATE search_terms t SET tail_entries = x.n, tail = x.tail
     FROM unnest($1::int[], $2::int[], $3::bytea[]) AS x(id, n, tail) WHERE t.id = x.id`,
    [
      trimmed.map((t) => t.id),
      trimmed.map((t) => t.kept.length),
      trimmed.map((t) => (t.kept.length > 0 ? packEntries(t.kept) : Buffer.alloc(0))),
    ],
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
