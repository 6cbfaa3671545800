import type Database from 'better-sqlite3';
import { createAppendedTails } from './appended-tails.ts';
import { fts5Terms } from './fts5-terms.ts';
import { peakOfShortest, withEntries } from './list-peaks.ts';
import { quotePhrase } from './match-expression.ts';
import { appendPacked, lazyPostings, type PackedPostings, pack, shortestByCount } from './packed-postings.ts';
import { fromOccurrences, K1, type Postings, parseNumbers } from './postings.ts';
import { createStoredLists } from './stored-lists.ts';

const NON_ASCII = /[\u0080-\uffff]/;
/** The JS stemmer matches SQLite's exactly on ASCII, so a one-term ASCII phrase can be looked up as its term. */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);

/**
 * Reading a passage's text marked by highlight() and counting the marks costs about as much as this many entries of a list
 * read from FTS5: a stored list's tail is read that way while it is cheaper than reading the whole list.
 */
const TEXT_COST_IN_ENTRIES = 60;
/** The character FTS5's highlight() puts before each occurrence in a tail passage (a control character). */
const MARK = 1;
const MARK_CHAR = String.fromCharCode(MARK);
/** A stored list is written again once its tail is past this share of the passages (small polls add little). */
const REWRITE_TAIL_SHARE = 1 / 600;

/** A list as read for one version of the corpus: its packed form, covering the passages up to `upto`. */
export interface ReadList {
  postings: Postings;
  packed: PackedPostings;
}

/** What reading a list needs of the corpus: bm25's N and the norms by rowid. */
export interface Corpus {
  rows: number;
  norms: Float64Array;
}

/** Where the corpus stands: its highest indexed rowid and its removal count (passages deleted or changed). */
export interface CorpusPoint {
  upto: number;
  removals: number;
}

/**
 * Reads occurrence lists from passages_fts. Common terms' lists are stored packed (stored-lists.ts): a
 * process reads them as one blob plus the passages appended since they were stored (FTS5's rowid range
 * from the last stored rowid on, each occurrence counted from FTS5's highlight() of it), instead of
 * walking FTS5's whole doclist; lists read in full are stored for the next process. Everything else reads
 * FTS5 as before (the instance view by term, or MATCH for phrases of several words).
 */
export function createListReader(client: Database.Database) {
  const stored = createStoredLists(client);
  const appended = createAppendedTails(client);
  /** Each list's shortest passage per count (list-peaks.ts), by the packed list it was computed for. */
  const shortestOf = new WeakMap<PackedPostings, Int32Array>();
  /** The packed list with its peak under `norms`, its shortest passages per count kept for the next version. */
  const withPeak = (packed: PackedPostings, shortest: Int32Array, norms: Float64Array): PackedPostings => {
    const out = { ...packed, peak: peakOfShortest(shortest, norms) };
    shortestOf.set(out, shortest);
    return out;
  };
  const occurrenceStatement = client
    .prepare('SELECT group_concat(doc) FROM temp.passages_fts_instances WHERE term = ?')
    .pluck();
  const membershipStatement = client
    .prepare('SELECT group_concat(rowid) FROM passages_fts WHERE passages_fts MATCH ?')
    .pluck();
  // FTS5 marks each occurrence of the phrase in the passage's text (its own tokenizer, so the count is exact
  // for any text): 1.5–3 times cheaper than tokenizing the text again in JS.
  const tailTexts = client
    .prepare(
      `SELECT rowid, highlight(passages_fts, 0, char(${MARK}), '') FROM passages_fts
       WHERE passages_fts MATCH ? AND rowid > ? AND rowid <= ? ORDER BY rowid`,
    )
    .raw();
  const tailRowids = client
    .prepare('SELECT group_concat(rowid) FROM passages_fts WHERE passages_fts MATCH ? AND rowid > ? AND rowid <= ?')
    .pluck();

  /** The whole list from FTS5 (counts for one ASCII term; membership only otherwise). */
  function full(phrase: string, norms: Float64Array): Postings {
    const terms = fts5Terms(phrase);
    if (terms.length === 1 && isAscii(phrase)) {
      return fromOccurrences(parseNumbers(occurrenceStatement.get(terms[0]) as string | null), norms);
    }
    const rowids = parseNumbers(membershipStatement.get(quotePhrase(phrase)) as string | null);
    // Occurrences are unknown, so the bound is the limit of tf·(k1+1)/(tf+norm) as tf grows.
    return { rowids, counts: null, peak: K1 + 1 };
  }

  /** The list's entries for rowids in (from, to]: FTS5 says which passages, their text how often (never below 1). */
  function tail(phrase: string, withCounts: boolean, from: number, to: number, norms: Float64Array): Postings {
    const match = quotePhrase(phrase);
    if (!withCounts) {
      return { rowids: parseNumbers(tailRowids.get(match, from, to) as string | null), counts: null, peak: K1 + 1 };
    }
    const rows = tailTexts.all(match, from, to) as [number, string][];
    const rowids = new Int32Array(rows.length);
    const counts = new Uint16Array(rows.length);
    let peak = 0;
    rows.forEach(([rowid, marked], i) => {
      let marks = 0;
      for (let at = marked.indexOf(MARK_CHAR); at >= 0; at = marked.indexOf(MARK_CHAR, at + 1)) marks++;
      const tf = Math.max(1, Math.min(0xffff, marks));
      rowids[i] = rowid;
      counts[i] = tf;
      peak = Math.max(peak, (tf * (K1 + 1)) / (tf + (norms[rowid] ?? K1)));
    });
    return { rowids, counts, peak };
  }

  /** A stored list brought up to `point` (its tail read from FTS5), or null when none is stored or its tail is long. */
  function fromStore(phrase: string, key: string, point: CorpusPoint, corpus: () => Corpus): ReadList | null {
    const kept = stored.load(key, point.removals);
    if (kept === null || kept.upto > point.upto) return null;
    const { rows, norms } = corpus();
    if ((point.upto - kept.upto) * TEXT_COST_IN_ENTRIES >= rows) return null;
    // Nothing appended since it was stored: no FTS5 query at all (even an empty rowid range costs one).
    const grown =
      kept.upto === point.upto
        ? kept.packed
        : appendPacked(kept.packed, tail(phrase, true, kept.upto, point.upto, norms));
    const packed = withPeak(grown, shortestByCount(grown, norms), norms);
    if (point.upto - kept.upto > rows * REWRITE_TAIL_SHARE) stored.save(key, packed, point);
    return { packed, postings: lazyPostings(packed) };
  }

  return {
    /** A common single ASCII term's stored list (see fromStore); `key` is its term. */
    fromStore,

    /**
     * The list of `phrase` (its terms joined as `key`) for the corpus at `point`. A list of one ASCII term
     * given `storeAbove` (a passage count) is taken from the stored lists when there, and stored after a
     * full read when longer than that.
     */
    read(phrase: string, key: string, point: CorpusPoint, corpus: Corpus, storeAbove: number | null): ReadList {
      const kept = storeAbove === null ? null : fromStore(phrase, key, point, () => corpus);
      if (kept !== null) return kept;
      const { norms } = corpus;
      // One read transaction: the list is stored with the point it covers, read in the same version.
      const [postings, covered] = client
        .transaction((): [Postings, CorpusPoint] => [full(phrase, norms), stored.point()])
        .deferred();
      const packed = pack(postings);
      if (postings.counts !== null) shortestOf.set(packed, withEntries(new Int32Array(0), postings, norms));
      if (storeAbove !== null && packed.length > storeAbove) stored.save(key, packed, covered);
      return { postings, packed };
    },

    /**
     * A list kept in memory, grown by the passages appended after rowid `from` up to `point` (norms of now).
     * `lowest` is the lowest rowid any list kept from a former version is still behind: their tails are read
     * from one index of the appended passages (appended-tails.ts), and their peaks from each list's shortest
     * passages per count (list-peaks.ts), so a poll costs neither a statement nor a walk per list.
     */
    extend(
      phrase: string,
      packed: PackedPostings,
      range: { from: number; lowest: number },
      point: CorpusPoint,
      norms: Float64Array,
    ): PackedPostings {
      const shortest = shortestOf.get(packed) ?? shortestByCount(packed, norms);
      const { from, lowest } = range;
      if (from >= point.upto) return withPeak(packed, shortest, norms);
      const withCounts = packed.most > 0;
      const more =
        appended.tail(phrase, withCounts, { lowest, from, to: point.upto, removals: point.removals }, norms) ??
        tail(phrase, withCounts, from, point.upto, norms);
      return withPeak(appendPacked(packed, more), withEntries(shortest, more, norms), norms);
    },

    /** Where the corpus stands now (see CorpusPoint). */
    point: stored.point,
  };
}
