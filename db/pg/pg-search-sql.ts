/** The statements of db/pg/pg-search.ts: the vocabulary and the lists it reads. */

/**
 * In one round trip: BM25's N (id 0), total length (id -1), the removal count (id -2, the list cache's
 * version) and each wanted term found in the corpus with its id and passage count.
 */
export const lookupSql = `
  SELECT 0 AS id, NULL::text AS term, passages FROM corpus_totals WHERE id = 1
  UNION ALL SELECT -1, NULL, terms FROM corpus_totals WHERE id = 1
  UNION ALL SELECT -2, NULL, removals FROM corpus_totals WHERE id = 1
  UNION ALL SELECT id, term, passages FROM search_terms WHERE term = ANY($1::text[]) AND passages > 0`;

/**
 * The postings of terms ($1, ids) past a seq each ($2), one row per term: its blocks from the one holding
 * that seq on, concatenated in key order (an ordered subquery: an ORDER BY inside string_agg sorts the rows
 * again on PostgreSQL 15), then its tail (search_terms.tail, the newest postings, see pg-postings.ts). The
 * reader sorts whatever comes out of order, and drops entries at or below the seq.
 */
export const termListsSql = `
  SELECT q.id, coalesce((
    SELECT string_agg(b.data, ''::bytea) FROM (
      SELECT data FROM posting_blocks
      WHERE term_id = q.id AND first_seq >= coalesce(
        (SELECT max(m.first_seq) FROM posting_blocks m WHERE m.term_id = q.id AND m.first_seq <= q.after), 0)
      ORDER BY first_seq) b
  ), ''::bytea) || coalesce((SELECT t.tail FROM search_terms t WHERE t.id = q.id), ''::bytea) AS data
  FROM unnest($1::int[], $2::int[]) AS q(id, after)`;

/**
 * The blocks of terms ($1, ids) that may hold any of the passages $2 (seqs): for each term and seq, the block
 * with the highest key at or below it, each block once, and each term's tail. The reader keeps only the
 * entries of those seqs.
 */
export const blocksAtSql = `
  SELECT b.term_id, b.data FROM posting_blocks b JOIN (
    SELECT DISTINCT q.id, k.first_seq FROM unnest($1::int[]) AS q(id) CROSS JOIN unnest($2::int[]) AS s(seq)
    CROSS JOIN LATERAL (SELECT p.first_seq FROM posting_blocks p WHERE p.term_id = q.id AND p.first_seq <= s.seq
                        ORDER BY p.first_seq DESC LIMIT 1) k
  ) f ON b.term_id = f.id AND b.first_seq = f.first_seq
  UNION ALL SELECT t.id, t.tail FROM search_terms t WHERE t.id = ANY($1::int[]) AND t.tail_entries > 0`;
