import type pg from 'pg';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { commonThreshold, type SearchTuning } from '../search/common-words.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import { B, K1 } from '../search/postings.ts';

/** A passage (by its `seq`) and its BM25 score, higher is better. */
export interface PgScored {
  seq: number;
  score: number;
}

/** bm25()'s IDF as FTS5 computes it: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6. */
function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

/** How often the phrase (a run of terms) occurs in a passage's terms. */
function occurrences(terms: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  outer: for (let i = 0; i <= terms.length - phrase.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    count++;
  }
  return count;
}

// One passage's share of a list: weight · tf · (k1 + 1) / (tf + k1 · (1 - b + b · length / avgdl)).
const SHARE = `w * tf * ${K1 + 1} / (tf + ${K1} * (${1 - B} + ${B} * length / $avg::float8))`;

/** Scores single-term lists from the postings index and phrase lists given as (seq, w, tf) arrays. */
const scoreSql = (confine: boolean) => `
  WITH rare AS (
    SELECT pt.passage_seq AS seq, q.w, pt.tf, pt.length FROM passage_terms pt
      JOIN unnest($terms::text[], $weights::float8[]) AS q(term, w) ON pt.term = q.term
    UNION ALL
    SELECT x.seq, x.w, x.tf, p.length FROM unnest($seqs::int[], $pw::float8[], $ptf::int[]) AS x(seq, w, tf)
      JOIN passages p ON p.seq = x.seq
  ),
  common AS (
    SELECT pt.passage_seq AS seq, q.w, pt.tf, pt.length
    FROM unnest($cterms::text[], $cweights::float8[]) AS q(term, w)
    JOIN passage_terms pt ON pt.term = q.term
    ${confine ? 'WHERE pt.passage_seq IN (SELECT seq FROM rare)' : ''}
  )
  SELECT seq, sum(${SHARE}) AS score FROM (SELECT * FROM rare UNION ALL SELECT * FROM common) hits
  GROUP BY seq ORDER BY score DESC, seq LIMIT $limit`;

/** Numbered parameters from named ones, so the SQL above stays readable. */
function named(text: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const names = Object.keys(values);
  return {
    text: text.replace(/\$(\w+)/g, (_, name: string) => `$${names.indexOf(name) + 1}`),
    values: names.map((n) => values[n]),
  };
}

/**
 * BM25 with FTS5's semantics over PostgreSQL's own B-tree index of (term, passage) postings: the same
 * terms (FTS5's tokenizer, in JS), the same N, lengths, IDF and constants, so scores equal SQLite's
 * -bm25(). Phrases of several words are counted in the texts of passages holding all their terms.
 * The common-word policy of db/search applies: common phrases are scored only for passages matching a
 * rarer one, unless that leaves fewer than `limit` passages.
 */
export function createPgSearch(pool: pg.Pool, tuning: SearchTuning = {}) {
  return {
    async rank(groups: PhraseGroups, limit: number): Promise<PgScored[]> {
      if (limit <= 0) return [];
      const lists = new Map<string, { terms: string[]; copies: number }>();
      for (const phrase of groups.flat()) {
        const terms = fts5Terms(phrase);
        if (terms.length === 0) continue;
        const key = terms.join(' ');
        const seen = lists.get(key);
        if (seen) seen.copies++;
        else lists.set(key, { terms, copies: 1 });
      }
      if (lists.size === 0) return [];
      const totals = await pool.query<{ passages: string; terms: string }>(
        'SELECT passages, terms FROM corpus_totals WHERE id = 1',
      );
      const rows = Number(totals.rows[0]?.passages ?? 0);
      if (rows === 0) return [];
      const avg = Number(totals.rows[0]?.terms ?? 0) / rows;
      const threshold = commonThreshold(rows, tuning);

      const single = [...lists.values()].filter((l) => l.terms.length === 1).map((l) => l.terms[0] as string);
      const counts = new Map<string, number>();
      if (single.length > 0) {
        const result = await pool.query<{ term: string; n: number }>(
          'SELECT term, count(*)::int AS n FROM passage_terms WHERE term = ANY($1::text[]) GROUP BY term',
          [single],
        );
        for (const row of result.rows) counts.set(row.term, row.n);
      }
      const rare = { terms: [] as string[], weights: [] as number[] };
      const common = { terms: [] as string[], weights: [] as number[] };
      const phrase = { seqs: [] as number[], weights: [] as number[], tfs: [] as number[] };
      for (const list of lists.values()) {
        if (list.terms.length === 1) {
          const term = list.terms[0] as string;
          const n = counts.get(term) ?? 0;
          if (n === 0) continue;
          const target = n > threshold ? common : rare;
          target.terms.push(term);
          target.weights.push(idf(rows, n) * list.copies);
          continue;
        }
        const distinct = [...new Set(list.terms)];
        const texts = await pool.query<{ seq: number; text: string }>(
          `SELECT seq, text FROM passages WHERE seq IN (
             SELECT passage_seq FROM passage_terms WHERE term = ANY($1::text[])
             GROUP BY passage_seq HAVING count(*) = $2)`,
          [distinct, distinct.length],
        );
        const found: [number, number][] = [];
        for (const row of texts.rows) {
          const tf = occurrences(fts5Terms(row.text), list.terms);
          if (tf > 0) found.push([row.seq, tf]);
        }
        const weight = idf(rows, found.length) * list.copies;
        for (const [seq, tf] of found) {
          phrase.seqs.push(seq);
          phrase.weights.push(weight);
          phrase.tfs.push(tf);
        }
      }
      const run = async (confine: boolean) => {
        const query = named(scoreSql(confine), {
          terms: rare.terms,
          weights: rare.weights,
          seqs: phrase.seqs,
          pw: phrase.weights,
          ptf: phrase.tfs,
          cterms: common.terms,
          cweights: common.weights,
          avg,
          limit,
        });
        const result = await pool.query<{ seq: number; score: number }>(query.text, query.values);
        return result.rows.map((row) => ({ seq: row.seq, score: Number(row.score) }));
      };
      const hasRare = rare.terms.length > 0 || phrase.seqs.length > 0;
      if (common.terms.length > 0 && hasRare) {
        const confined = await run(true);
        if (confined.length >= limit) return confined;
      }
      return run(false);
    },
  };
}
