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

/** The most a list can add to one passage's score (unbounded occurrences when its counts are unknown). */
const bound = (list: QueryList): number => list.weight * (list.postings?.counts ? list.postings.peak : K1 + 1);

/** Adds a list's shares to every passage in it, noting newly touched rowids; returns the new touched count. */
function addAll(corpus: CorpusStats, list: QueryList, postings: Postings, touchedCount: number): number {
  // A hot loop: locals and one branch per entry (this runs over lists of tens of thousands).
  const { scratch, touched, single, norms } = corpus;
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
    scratch[rowid] =
      before +
      (tf === 1 ? weight * (single[rowid] as number) : (weight * tf * (K1 + 1)) / (tf + (norms[rowid] as number)));
  }
  return n;
}

/** Adds the share of entry `i` of a list to its passage. */
function addEntry(corpus: CorpusStats, weight: number, postings: Postings, i: number): void {
  const rowid = postings.rowids[i] as number;
  const tf = postings.counts === null ? 1 : (postings.counts[i] as number);
  corpus.scratch[rowid] =
    (corpus.scratch[rowid] as number) +
    (tf === 1
      ? weight * (corpus.single[rowid] as number)
      : (weight * tf * (K1 + 1)) / (tf + (corpus.norms[rowid] as number)));
}

/**
 * Adds a list's shares to the candidates only (ascending rowids, marked in corpus.marks): a galloping
 * search per candidate when they are few against the list, else one pass over the list.
 */
function addToCandidates(corpus: CorpusStats, list: QueryList, postings: Postings, candidates: Int32Array): void {
  const { rowids } = postings;
  const weight = list.weight;
  if (candidates.length * (Math.log2(rowids.length / Math.max(1, candidates.length)) + 2) >= rowids.length) {
    const { marks } = corpus;
    for (let i = 0; i < rowids.length; i++) if (marks[rowids[i] as number] === 1) addEntry(corpus, weight, postings, i);
    return;
  }
  let from = 0;
  for (let c = 0; c < candidates.length; c++) {
    const rowid = candidates[c] as number;
    let step = 1;
    let hi = from;
    while (hi < rowids.length && (rowids[hi] as number) < rowid) {
      from = hi + 1;
      hi += step;
      step *= 2;
    }
    let lo = from;
    hi = Math.min(hi, rowids.length - 1);
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((rowids[mid] as number) < rowid) lo = mid + 1;
      else hi = mid - 1;
    }
    from = lo;
    if (from >= rowids.length) break;
    if (rowids[from] === rowid) addEntry(corpus, weight, postings, from);
  }
}

/** The `size`-th best accumulated score among the first `count` touched rowids (0 while fewer). */
function kthBest(corpus: CorpusStats, count: number, size: number): number {
  if (count < size) return 0;
  const heap = new RowHeap(size);
  for (let i = 0; i < count; i++) {
    const rowid = corpus.touched[i] as number;
    heap.offer(rowid, corpus.scratch[rowid] as number);
  }
  return heap.floor();
}

/** The largest bound from `from` on. */
function largest(bounds: readonly number[], from: number): number {
  let most = 0;
  for (let i = from; i < bounds.length; i++) most = Math.max(most, bounds[i] as number);
  return most;
}

/** Keeps (and marks) the touched rowids `keep` accepts, zeroing the others; returns how many are kept. */
function narrow(corpus: CorpusStats, count: number, keep: (score: number) => boolean): number {
  const { scratch, touched, marks } = corpus;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const rowid = touched[k] as number;
    if (keep(scratch[rowid] as number)) {
      marks[rowid] = 1;
      touched[kept++] = rowid;
    } else {
      scratch[rowid] = 0;
      marks[rowid] = 0;
    }
  }
  return kept;
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
 * cheaper than reading them. Leaves the shared accumulator and marks zeroed.
 */
export function scoreLists(source: ScoringSource, lists: readonly QueryList[], size: number): ScoredRow[] {
  const { corpus } = source;
  const { scratch, touched, marks } = corpus;
  const bounds = lists.map(bound);
  const rest = new Float64Array(lists.length + 1);
  for (let i = lists.length - 1; i >= 0; i--) rest[i] = (rest[i + 1] as number) + (bounds[i] as number);
  let n = 0;
  try {
    let lastTry = Number.POSITIVE_INFINITY;
    let threshold = 0;
    let rareRead = false; // at least one rare list read (and, as they come first, all of them)
    let commonReached = false;
    let i = 0;
    for (; i < lists.length; i++) {
      const list = lists[i] as QueryList;
      const left = rest[i] as number;
      const approximable = list.common && rareRead && n >= size;
      if (i > 0 && (left < lastTry * 0.75 || (approximable && !commonReached))) {
        lastTry = left;
        threshold = kthBest(corpus, n, size);
      }
      if (approximable) commonReached = true;
      if (left < threshold) break;
      // No list left can lift a passage found in none of the read lists past the threshold by itself:
      // such passages (they would need two or more common words) are given up.
      if (approximable && largest(bounds, i) < threshold) break;
      n = addAll(corpus, list, source.read(list), n);
      if (!list.common) rareRead = true;
    }
    const counted: QueryList[] = [];
    let pending = 0;
    // Ascending candidates for the galloping search; narrowing keeps their order.
    if (i < lists.length) touched.subarray(0, n).sort();

    // Cached lists first: they cost little, and the scores they add raise the threshold and narrow the
    // candidates, so that the lists still to read from the index can more often be counted in text.
    const tail = lists.slice(i).sort((a, b) => Number(a.postings === null) - Number(b.postings === null));
    const tailBounds = tail.map(bound);
    let left = tailBounds.reduce((sum, b) => sum + b, 0);
    for (const [t, list] of tail.entries()) {
      if (t > 0) threshold = Math.max(threshold, kthBest(corpus, n, size));
      const reach = left + pending;
      n = narrow(corpus, n, (score) => score + reach >= threshold);
      left -= tailBounds[t] as number;
      const cheaperInText = n <= MAX_TEXTS && n * TEXT_COST_IN_ENTRIES < list.documents;
      if (list.postings === null && list.terms.length > 0 && cheaperInText && source.mayCountInText(list)) {
        counted.push(list);
        pending += tailBounds[t] as number;
        continue;
      }
      addToCandidates(corpus, list, source.read(list), touched.subarray(0, n));
    }
    const heap = new RowHeap(counted.length > 0 ? n : size);
    for (let k = 0; k < n; k++) {
      const rowid = touched[k] as number;
      heap.offer(rowid, scratch[rowid] as number);
      scratch[rowid] = 0;
      marks[rowid] = 0;
    }
    if (counted.length === 0) return heap.sorted();
    const best = new RowHeap(size);
    for (const row of source.countInText(heap.sorted(), counted, [])) best.offer(row.rowid, row.score);
    return best.sorted();
  } catch (error) {
    scratch.fill(0);
    marks.fill(0);
    throw error;
  }
}
