/**
 * The one common-word policy of search, for every store: a phrase found in more passages than this is
 * "common". Common phrases cost much to score (every passage they occur in) and rank little (low IDF),
 * so they are scored only for passages that also match a rarer phrase of the query; a query made only
 * of common phrases is scored in full. Below the threshold everything is scored exactly.
 */
export const COMMON = {
  /** Passages a phrase may occur in and never count as common, however small the corpus. */
  minPassages: 2_000,
  /** Share of the passages past which a phrase is common on a large corpus. */
  share: 0.02,
} as const;

/** Tuning of ranking on large corpora (tests and the bench use it; the app takes the defaults). */
export interface SearchTuning {
  /** Overrides commonThreshold(): the number of passages above which a phrase counts as common. */
  commonThreshold?: number;
  /** Rows kept for recounting when the query has phrases of several words (default 30, at least the limit). */
  candidates?: number;
  /**
   * Postgres store: passages holding all of a phrase's words that are counted in text when its list is
   * read (default 10,000); past that the phrase is counted in the best candidates only.
   */
  phraseTexts?: number;
}

/** Passages a phrase may occur in before it counts as common, for a corpus of `passages`. */
export function commonThreshold(passages: number, tuning: SearchTuning = {}): number {
  return tuning.commonThreshold ?? Math.max(COMMON.minPassages, Math.ceil(passages * COMMON.share));
}
