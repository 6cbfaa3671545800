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

/** One entry as the list cache decodes it (db/pg/pg-list-cache.ts): seq, tf and passage length, packed. */
const PACKED = 'int4send(p.passage_seq) || int2send(p.tf) || int4send(p.length)';

/** The postings of terms ($1, ids) past a seq each ($2), packed, one row per term. */
export const termListsSql = `
  SELECT q.id, x.data FROM unnest($1::int[], $2::int[]) AS q(id, after)
  CROSS JOIN LATERAL (
    SELECT string_agg(${PACKED}, ''::bytea) AS data
    FROM (SELECT passage_seq, tf, length FROM postings WHERE term_id = q.id AND passage_seq > q.after
          ORDER BY passage_seq) p
  ) x`;

/**
 * The passages past seq $2 holding every one of `count` terms ($1, ids rarest first), packed with tf 0 (not
 * counted yet): a walk of the rarest term's postings, each looked up in the others' by primary key.
 */
export function phraseListSql(count: number): string {
  const joins = Array.from(
    { length: count - 1 },
    (_, i) =>
      `JOIN postings p${i + 1} ON p${i + 1}.term_id = ($1::int[])[${i + 2}] AND p${i + 1}.passage_seq = p0.passage_seq`,
  ).join('\n      ');
  return `
    SELECT string_agg(int4send(p.passage_seq) || int2send(0::smallint) || int4send(p.length), ''::bytea) AS data FROM (
      SELECT p0.passage_seq, p0.length FROM postings p0
      ${joins}
      WHERE p0.term_id = ($1::int[])[1] AND p0.passage_seq > $2::int ORDER BY p0.passage_seq) p`;
}

/** The postings of terms ($1, ids) in passages ($2, seqs): the shares of lists scored for candidates only. */
export const probeSql = `
  SELECT term_id, passage_seq, tf FROM postings WHERE term_id = ANY($1::int[]) AND passage_seq = ANY($2::int[])`;
