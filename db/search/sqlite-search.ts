import type Database from 'better-sqlite3';
import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import type { SearchTuning } from './common-words.ts';
import { matchExpression } from './match-expression.ts';
import { createPassageRanker } from './passage-ranker.ts';
import type { ScoredRow } from './row-heap.ts';

/** Ranked passage rowids for phrase groups over passages_fts (score = -bm25, higher is better). */
export interface SqliteSearch {
  /**
   * The OR of every phrase, ranked by BM25: one exact FTS5 query while the phrases match few passages,
   * else the cached-list ranker (common phrases scored for candidates only; see README.md).
   */
  rank(groups: PhraseGroups, limit: number): ScoredRow[];
  /** One FTS5 query with bm25() over the whole expression: the reference the ranker approximates. */
  exact(groups: PhraseGroups, limit: number): ScoredRow[];
  /** Idle-time preparation of the ranker (its norms; see the ranker's warmUp); true while some is left. */
  warmUp(): boolean;
}

/**
 * Search over the passages_fts index of a better-sqlite3 connection. `generation` changes whenever
 * the caller writes passages, so cached statistics are never stale.
 */
export function createSqliteSearch(
  client: Database.Database,
  generation: () => number,
  tuning: SearchTuning = {},
): SqliteSearch {
  const ranker = createPassageRanker(client, generation);
  // MATCH alone, no join: ranking cost does not mix with anything else (FTS5's rank is bm25()).
  const exactStatement = client
    .prepare('SELECT rowid, -rank AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank, rowid LIMIT ?')
    .raw();
  const exact = (groups: PhraseGroups, limit: number): ScoredRow[] => {
    const expression = matchExpression(groups);
    if (expression === null || limit <= 0) return [];
    return (exactStatement.all(expression, limit) as [number, number][]).map(([rowid, score]) => ({ rowid, score }));
  };
  return {
    exact,
    warmUp: () => ranker.warmUp(),
    rank(groups, limit) {
      const nonEmpty = groups.filter((group) => group.length > 0);
      if (nonEmpty.length === 0 || limit <= 0) return [];
      return ranker.rank(nonEmpty, limit, tuning) ?? exact(nonEmpty, limit);
    },
  };
}
