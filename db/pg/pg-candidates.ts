import type pg from 'pg';
import { fts5Terms } from '../search/fts5-terms.ts';
import { contains } from '../search/passage-ranker.ts';
import type { ScoredRow } from '../search/row-heap.ts';
import { type QueryList, share } from '../search/score-lists.ts';
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
  const result = await pool.query<{ term_id: number; data: Buffer }>({
    name: 'attache-blocks-at',
    text: blocksAtSql,
    values: [[...termIds], [...wanted]],
  });
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
