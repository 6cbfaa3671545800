/** The statements of db/pg/pg-search.ts: the vocabulary and the lists it reads. */

/**
 * A term's blocks (`term` and `after` are SQL expressions: its id, a seq) from the one holding `after` on,
 * concatenated in key order, '' for none (an ordered subquery: an ORDER BY inside string_agg sorts the rows
 * again on PostgreSQL 15). Shared by the statements that read lists.
 */
function blocksFromSql(term: string, after: string): string {
  return `coalesce((
      SELECT string_agg(b.data, ''::bytea) FROM (
        SELECT data FROM posting_blocks
        WHERE term_id = ${term} AND first_seq >= coalesce((
          SELECT max(m.first_seq) FROM posting_blocks m WHERE m.term_id = ${term} AND m.first_seq <= ${after}), 0)
        ORDER BY first_seq) b
    ), ''::bytea)`;
}

/** The corpus version as one text (corpus_totals' removals:passages:terms, as pg-vocabulary.ts builds it). */
export const versionTokenSql = `removals || ':' || passages || ':' || terms`;

/**
 * A query's first and usually only read, in one round trip: BM25's N (id 0), total length (id -1), the removal
 * count (id -2, the list cache's version), and each wanted term ($1) found in the corpus with its id, passage
 * count and, where its list is wanted ($2: the last seq held, -1 for none wanted) and the copy held is behind
 * ($3: its version token, `removals:passages:terms`, as pg-search.ts builds it), its postings past that seq:
 * blocks from the one holding it on, then the tail, as termListsSql. A removal since the cache's ($4) makes
 * every list come whole. CASE evaluates a subquery only in the branch taken: a list held costs nothing.
 */
export const queryListsSql = `
  WITH t AS (SELECT passages, terms, removals, ${versionTokenSql} AS token FROM corpus_totals WHERE id = 1)
  SELECT 0 AS id, NULL::text AS term, passages, NULL::bytea AS data, 0 AS after FROM t
  UNION ALL SELECT -1, NULL, terms, NULL, 0 FROM t
  UNION ALL SELECT -2, NULL, removals, NULL, 0 FROM t
  UNION ALL SELECT s.id, s.term, s.passages, CASE WHEN q.after < 0 OR q.token = t.token THEN NULL ELSE
    ${blocksFromSql('s.id', '(CASE WHEN t.removals = $4 THEN q.after ELSE 0 END)')} || s.tail END,
    CASE WHEN q.after < 0 OR q.token = t.token THEN -1 WHEN t.removals = $4 THEN q.after ELSE 0 END
  FROM t CROSS JOIN unnest($1::text[], $2::int[], $3::text[]) AS q(term, after, token)
  JOIN search_terms s ON s.term = q.term AND s.passages > 0`;

/**
 * The postings of terms ($1, ids) past a seq each ($2), one row per term: its blocks from the one holding
 * that seq on (blocksFromSql), then its tail (search_terms.tail, the newest postings, see pg-postings.ts). The
 * reader sorts whatever comes out of order, and drops entries at or below the seq.
 */
export const termListsSql = `
  SELECT q.id, ${blocksFromSql('q.id', 'q.after')} || coalesce((SELECT t.tail FROM search_terms t WHERE t.id = q.id), ''::bytea) AS data
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
