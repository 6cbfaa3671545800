import {
  addPackedToAll,
  addPackedToCandidates,
  addToCandidates,
  kthBestCandidate,
  narrowCandidates,
  shareOf,
  takeCandidates,
} from './candidate-scores.ts';
import type { CorpusStats } from './corpus-stats.ts';
import { K1, type Postings } from './postings.ts';
import { RowHeap, type ScoredRow } from './row-heap.ts';

/** Reading one passage's text and counting phrases in it costs about as much as this many list entries. */
const TEXT_COST_IN_ENTRIES = 60;
/** Most candidates whose texts are read to count phrases in them. */
const MAX_TEXTS = 1_000;

/** One distinct phrase of a query (FTS5 counts a phrase given twice, or two that stem alike, twice). */
export interface QueryList {
  phrase: string;
  /** Its FTS5 terms (empty when only FTS5 can tell, by the phrase text). */
  terms: string[];
  /** IDF times the number of query phrases with these terms. */
  weight: number;
  /** Passages it occurs in. */
  documents: number;
  /** Whether it occurs in more passages than the common threshold. */
  common: boolean;
  /** Where it occurs, once read (cached per corpus version). */
  postings: Postings | null;
}

/** What scoring needs from the index and the texts. */
export interface ScoringSource {
  corpus: CorpusStats;
  /** Reads (or takes from the cache) a list's postings. */
  read(list: QueryList): Postings;
  /**
   * Whether a list may be counted in the candidates' text instead of read (each store's policy: SQLite
   * counts whenever it is cheaper; PostgreSQL looks single terms up by key for the candidates).
   */
  mayCountInText(list: QueryList): boolean;
  /** Adds the share of each list to each row by counting its phrase in the row's text; `once` lists
   * were already scored as one occurrence and are corrected to their true count. */
  countInText(rows: ScoredRow[], lists: readonly QueryList[], once: readonly QueryList[]): ScoredRow[];
}

/** bm25()'s share of a phrase occurring `tf` times in a passage with length normalisation `norm`. */
export const share = (weight: number, tf: number, norm: number): number => (weight * (tf * (K1 + 1))) / (tf + norm);

/**
 * The most a list can add to one passage's score (unbounded occurrences when its counts are unknown: the
 * peak of postings without counts is k1 + 1). Reads no entries, so a lazily unpacked list stays packed.
 */
const bound = (list: QueryList): number => list.weight * (list.postings ? list.postings.peak : K1 + 1);

/** Adds a list's shares to every passage in it, noting newly touched rowids; returns the new touched count. */
function addAll(corpus: CorpusStats, list: QueryList, postings: Postings, touchedCount: number): number {
  // A hot loop: locals and one branch per entry (this runs over lists of tens of thousands).
  const { scratch, touched } = corpus;
  const { rowids, counts } = postings;
  const weight = list.weight;
  const size = scratch.length;
  let n = touchedCount;
  for (let i = 0; i < rowids.length; i++) {
    const rowid = rowids[i] as number;
    if (rowid >= size) continue;
    const before = scratch[rowid] as number;
    if (before === 0) touched[n++] = rowid;
    const tf = counts === null ? 1 : (counts[i] as number);
    scratch[rowid] = before + shareOf(corpus, weight, rowid, tf);
  }
  return n;
}

/**
 * The `size`-th best accumulated score among the first `count` touched rowids, or `floor` when that is
 * higher. Scores only grow as lists are added, so a former result is a floor and rows below it are skipped.
 */
function kthBest(corpus: CorpusStats, count: number, size: number, floor: number): number {
  if (count < size) return floor;
  const { touched, scratch } = corpus;
  const heap = new RowHeap(size);
  for (let i = 0; i < count; i++) {
    const rowid = touched[i] as number;
    const score = scratch[rowid] as number;
    if (score >= floor) heap.offer(rowid, score);
  }
  return Math.max(floor, heap.floor());
}

/** The largest bound from `from` on. */
function largest(bounds: readonly number[], from: number): number {
  let most = 0;
  for (let i = from; i < bounds.length; i++) most = Math.max(most, bounds[i] as number);
  return most;
}

/**
 * The `size` best passages by bm25 summed over `lists` (rare lists first, each part by weight).
 * Lists are read in full, highest bound first, until one of two things lets the rest be read only for
 * a candidate set (so the commonest words cost little):
 * - MaxScore: the bounds of the lists left add up to less than the `size`-th best score so far, so no
 *   passage outside the candidates that can still reach it can make the top (exact);
 * - the next list is common (in more passages than the threshold), the rare lists already gave
 *   `size` passages, and no list left can lift a passage past the `size`-th best score by itself:
 *   the passages found so far that can still reach it become the candidates (the two-stage
 *   approximation: a passage that matches two or more common words but no rare one can be missed).
 * Lists not read yet are read for the candidates, or counted in the candidates' text when that is
 * cheaper than reading them. Leaves the shared accumulator zeroed.
 */
export function scoreLists(source: ScoringSource, lists: readonly QueryList[], size: number): ScoredRow[] {
  const { corpus } = source;
  const { scratch } = corpus;
  const bounds = lists.map(bound);
  // What a list can add to a passage as far as its length says (counts unknown), cached or not: the two-stage cut
  // below must not depend on which lists happen to be in memory, or a reply would depend on earlier questions.
  const reach = lists.map((list) => list.weight * (K1 + 1));
  const rest = new Float64Array(lists.length + 1);
  for (let i = lists.length - 1; i >= 0; i--) rest[i] = (rest[i + 1] as number) + (bounds[i] as number);
  let n = 0;
  try {
    let lastTry = Number.POSITIVE_INFINITY;
    let threshold = 0;
    let rareRead = false; // at least one rare list read (and, as they come first, all of them)
    let thresholdAt = -1; // the list index the threshold was last computed at
    let i = 0;
    for (; i < lists.length; i++) {
      const list = lists[i] as QueryList;
      const left = rest[i] as number;
      const approximable = list.common && rareRead && n >= size;
      if (i > 0 && left < lastTry * 0.75) {
        lastTry = left;
        threshold = kthBest(corpus, n, size, threshold);
        thresholdAt = i;
      }
      if (left < threshold) break;
      // No list left can lift a passage found in none of the read lists past the k-th best score so far by
      // itself: such passages (they would need two or more common words) are given up. Decided on the k-th best
      // at this list (the threshold is a floor of it; when it was computed depends on the bounds, so on the
      // cache) and on the lists' reach, so that the same query over the same corpus always cuts at the same list.
      if (approximable && largest(reach, i) >= threshold && thresholdAt !== i) {
        threshold = kthBest(corpus, n, size, threshold);
        thresholdAt = i;
      }
      if (approximable && largest(reach, i) < threshold) break;
      const postings = source.read(list);
      n = postings.packed ? addPackedToAll(corpus, list.weight, postings.packed, n) : addAll(corpus, list, postings, n);
      if (!list.common) rareRead = true;
    }
    const counted: QueryList[] = [];
    let pending = 0;
    const candidates = takeCandidates(corpus, n);
    n = 0;

    // Cached lists first: they cost little, and the scores they add raise the threshold and narrow the
    // candidates, so that the lists still to read from the index can more often be counted in text.
    const tail = lists.slice(i).sort((a, b) => Number(a.postings === null) - Number(b.postings === null));
    const tailBounds = tail.map(bound);
    let left = tailBounds.reduce((sum, b) => sum + b, 0);
    for (const [t, list] of tail.entries()) {
      if (t > 0) threshold = kthBestCandidate(candidates, size, threshold);
      narrowCandidates(candidates, threshold - (left + pending));
      left -= tailBounds[t] as number;
      const few = candidates.count <= MAX_TEXTS && candidates.count * TEXT_COST_IN_ENTRIES < list.documents;
      if (list.postings === null && list.terms.length > 0 && few && source.mayCountInText(list)) {
        counted.push(list);
        pending += tailBounds[t] as number;
        continue;
      }
      const postings = source.read(list);
      if (postings.packed) addPackedToCandidates(corpus, list.weight, postings.packed, candidates);
      else addToCandidates(corpus, list.weight, postings, candidates);
    }
    const heap = new RowHeap(counted.length > 0 ? candidates.count : size);
    for (let k = 0; k < candidates.count; k++)
      heap.offer(candidates.rowids[k] as number, candidates.scores[k] as number);
    if (counted.length === 0) return heap.sorted();
    const best = new RowHeap(size);
    for (const row of source.countInText(heap.sorted(), counted, [])) best.offer(row.rowid, row.score);
    return best.sorted();
  } catch (error) {
    scratch.fill(0);
    throw error;
  }
}
