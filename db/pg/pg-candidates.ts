import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';
import { contains } from '../search/passage-ranker.ts';
import type { ScoredRow } from '../search/row-heap.ts';
import { shareOf } from './pg-block-max.ts';
import { decodeEntries } from './pg-blocks.ts';
import type { ListEntries } from './pg-list-cache.ts';
import { phraseOccurrences } from './pg-search-plan.ts';
import { blocksAtSql } from './pg-search-sql.ts';

/**
 * The entries of terms (`termIds`) for the passages `seqs` only, by term: the blocks that may hold them are
 * read in one statement (an index probe per term and passage), and only those passages' entries kept.
 */
export async function entriesAt(
  pool: pg.Pool,
  termIds: readonly number[],
  seqs: ArrayLike<number>,
): Promise<Map<number, ListEntries>> {
  const wanted = new Set(Array.from(seqs));
  const result = await pool.query<{ term_id: number; data: Buffer }>(blocksAtSql, [[...termIds], [...wanted]]);
  const parts = new Map<number, ListEntries[]>();
  for (const row of result.rows) {
    const list = parts.get(row.term_id) ?? [];
    list.push(decodeEntries(row.data));
    parts.set(row.term_id, list);
  }
  const out = new Map<number, ListEntries>();
  for (const id of termIds) out.set(id, keepOnly(parts.get(id) ?? [], wanted));
  return out;
}

/** The entries of `blocks` for passages in `wanted`, ascending by seq. */
function keepOnly(blocks: readonly ListEntries[], wanted: ReadonlySet<number>): ListEntries {
  const kept: { seq: number; tf: number; length: number }[] = [];
  for (const block of blocks)
    for (let i = 0; i < block.seqs.length; i++) {
      const seq = block.seqs[i] as number;
      if (wanted.has(seq)) kept.push({ seq, tf: block.tfs[i] as number, length: block.lengths[i] as number });
    }
  kept.sort((a, b) => a.seq - b.seq);
  return {
    seqs: Int32Array.from(kept, (e) => e.seq),
    tfs: Uint16Array.from(kept, (e) => e.tf),
    lengths: Uint32Array.from(kept, (e) => e.length),
  };
}

/**
 * Phrases not counted yet were scored as one occurrence wherever all their words are: their true counts
 * (zero where the words never run in order), from the candidates' text.
 */
export async function recountPhrases(
  pool: pg.Pool,
  rows: ScoredRow[],
  phrases: readonly { weight: number; terms: readonly string[]; seqs: Int32Array }[],
  avg: number,
): Promise<ScoredRow[]> {
  if (rows.length === 0 || phrases.length === 0) return rows;
  const texts = await pool.query<{ seq: number; text: string; length: number }>(
    'SELECT seq, text, length FROM passages WHERE seq = ANY($1::int[])',
    [rows.map((row) => row.rowid)],
  );
  const bySeq = new Map(texts.rows.map((row) => [row.seq, row]));
  return rows.map(({ rowid, score }) => {
    const passage = bySeq.get(rowid);
    if (passage === undefined) return { rowid, score };
    const terms = fts5Terms(passage.text);
    let adjusted = score;
    for (const { weight, terms: phrase, seqs } of phrases) {
      if (!contains(seqs, rowid)) continue;
      const tf = phraseOccurrences(terms, phrase);
      adjusted += shareOf(weight, tf, passage.length, avg) - shareOf(weight, 1, passage.length, avg);
    }
    return { rowid, score: adjusted };
  });
}
