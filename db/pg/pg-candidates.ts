import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';
import { contains } from '../search/passage-ranker.ts';
import { RowHeap, type ScoredRow } from '../search/row-heap.ts';
import { type QueryList, share } from '../search/score-lists.ts';
import { phraseOccurrences } from './pg-search-plan.ts';
import { probeSql } from './pg-search-sql.ts';

/** Candidates scoreLists left to be scored for some lists (those it would have counted in text). */
export interface LeftToScore {
  rows: ScoredRow[];
  /** Single-term lists not read, with the id of their term. */
  lists: readonly { list: QueryList; termId: number }[];
}

/**
 * Adds to every candidate the shares of the lists left to it, looked up by primary key (term, passage):
 * a few hundred index probes instead of reading lists of hundreds of thousands. Keeps the best `size`.
 */
export async function scoreLeft(pool: pg.Pool, left: LeftToScore, norms: Float64Array, size: number) {
  const weights = new Map(left.lists.map(({ list, termId }) => [termId, list.weight]));
  const result = await pool.query<{ term_id: number; passage_seq: number; tf: number }>(probeSql, [
    [...weights.keys()],
    left.rows.map((row) => row.rowid),
  ]);
  const scores = new Map(left.rows.map((row) => [row.rowid, row.score]));
  for (const { term_id, passage_seq, tf } of result.rows) {
    const weight = weights.get(term_id) ?? 0;
    scores.set(passage_seq, (scores.get(passage_seq) ?? 0) + share(weight, tf, norms[passage_seq] as number));
  }
  const heap = new RowHeap(size);
  for (const [rowid, score] of scores) heap.offer(rowid, score);
  return heap.sorted();
}

/**
 * Phrases not counted yet were scored as one occurrence wherever all their words are: their true counts
 * (zero where the words never run in order), from the candidates' text.
 */
export async function recountPhrases(
  pool: pg.Pool,
  rows: ScoredRow[],
  phrases: readonly QueryList[],
  norms: Float64Array,
): Promise<ScoredRow[]> {
  if (rows.length === 0 || phrases.length === 0) return rows;
  const texts = await pool.query<{ seq: number; text: string }>(
    'SELECT seq, text FROM passages WHERE seq = ANY($1::int[])',
    [rows.map((row) => row.rowid)],
  );
  const bySeq = new Map(texts.rows.map((row) => [row.seq, row.text]));
  return rows.map(({ rowid, score }) => {
    const text = bySeq.get(rowid);
    if (text === undefined) return { rowid, score };
    const terms = fts5Terms(text);
    const norm = norms[rowid] as number;
    let adjusted = score;
    for (const list of phrases) {
      if (!list.postings || !contains(list.postings.rowids, rowid)) continue;
      adjusted += share(list.weight, phraseOccurrences(terms, list.terms), norm) - share(list.weight, 1, norm);
    }
    return { rowid, score: adjusted };
  });
}
