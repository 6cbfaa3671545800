import type Database from 'better-sqlite3';
import { fts5Terms } from './fts5-terms.ts';
import { type CorpusPoint, createListReader, isAscii } from './list-reader.ts';
import { quotePhrase } from './match-expression.ts';
import { lazyPostings, type PackedPostings } from './packed-postings.ts';
import { type AppendedTo, createNormsReader, type Runs } from './passage-norms.ts';
import type { Postings } from './postings.ts';

/**
 * Bytes of packed lists (about a byte an entry for common words, see packed-postings.ts) kept across queries
 * before the least recently used lists go: 32 MB, the lists of every term in more than 2 % of the passages
 * of a 1M corpus (25M entries, 30 MB). A fixed cap, so memory does not grow with the corpus. A list read
 * from FTS5 costs some 60 ns a passage (25 ms for a word in 375k passages) and is read once per version
 * of the corpus while it fits; unpacking one costs a few ns a passage.
 */
const MAX_POSTING_BYTES = 32_000_000;
/**
 * Entries read ahead in all, commonest terms first (the 20-odd commonest at 1M). Reading ahead costs every
 * ranking its slice until done, so it stops early; queries read the other lists when they need them.
 */
const MAX_WARM_ENTRIES = 6_000_000;
/** List entries read ahead per ranking (some 40 ms at 100k passages), until the common terms are cached. */
const WARM_ENTRIES_PER_RANKING = 150_000;
/** Terms in fewer passages than this are counted when needed rather than listed up front. */
const MIN_LISTED_TERM = 200;
/** Cached phrase counts kept before that cache starts over. */
const MAX_COUNTS = 20_000;

const STORABLE_KEY = /^[a-z0-9]+$/;

/**
 * Whether a term read ahead by its own text reads its own list. Lists are read by a phrase that FTS5 stems again
 * (and a stored list's tail is matched by it), so a stem the stemmer changes once more ("exercis" → "exerci")
 * would read another term's list, most often an empty one, and keep it under this term: every later query
 * with the word would have lost it. Such terms are read when a query needs them, by the query's word.
 */
function readsAsItself(term: string): boolean {
  const terms = fts5Terms(term);
  return terms.length === 1 && terms[0] === term;
}

/** Per-passage figures bm25() uses, read once per version of the corpus. */
export interface CorpusStats {
  /** Rows in the index (bm25's N). */
  rows: number;
  /** bm25's length normalisation k1 · (1 - b + b · length / avgdl), by rowid. */
  norms: Float64Array;
  /**
   * bm25's weight of a single occurrence, (k1 + 1) / (1 + norm), by rowid (the PostgreSQL store's; scoring
   * computes it from the norm, and the SQLite store leaves this empty to save 8 bytes a passage).
   */
  single: Float64Array;
  /** Zeroed score accumulator by rowid, for one query at a time (the ranker resets what it touches). */
  scratch: Float64Array;
  /** Rowids a query touched, in the order first touched (for the query's own use). */
  touched: Int32Array;
  /** Zeroed marks by rowid, for one query at a time (no longer read by scoring; the SQLite store leaves it empty). */
  marks: Uint8Array;
}

/** What is cached about one version of the corpus; dropped as soon as the corpus changes. */
export interface Snapshot {
  key: string;
  passages: number;
  /** The highest indexed rowid and the removal count when this version was taken. */
  point: CorpusPoint;
  /** Lists read in this version, packed, least recently used first. */
  postings: Map<string, PackedPostings>;
  postingBytes: number;
  /** Entries of the lists read ahead. */
  warmEntries: number;
  /** Passages each phrase occurs in, by the same key as postings. */
  documents: Map<string, number>;
  /** Passages each term occurs in, for terms in more than a few (read once per version), or null. */
  terms: Map<string, number> | null;
  /** Common terms whose lists are still to be read ahead, commonest last. */
  warmQueue: string[];
  /** Rankings done past the cheap path in this version. */
  rankings: number;
  stats: CorpusStats | null;
  /** Total length of the passages (with stats.rows, bm25's average length). */
  lengthTotal: number;
  /** The rowids present, read with the stats (passage-norms.ts). */
  runs: Runs | null;
  /** The former version's statistics, when this one only appended passages to it (extended, not read again). */
  appendedTo: AppendedTo | null;
  /** Lists kept from a former version, by the highest rowid they cover: extended by their tail on first use. */
  behind: Map<string, number>;
  /** The phrase each list was read for (a kept list's tail is matched by it). */
  phrases: Map<string, string>;
}

/**
 * Caches for ranking over passages_fts, keyed by a version of the corpus that changes on any write:
 * another connection's commit (PRAGMA data_version), this repository's own saves (`generation`), and
 * passages added on this connection by anything else (the highest passage rowid).
 *
 * Passage lengths and norms are read by passage-norms.ts (from FTS5's docsize shadow table).
 */
export function createStatsCache(client: Database.Database, generation: () => number) {
  // The instance view of the index: one row per occurrence of a term, looked up by term.
  client.exec(
    'CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_fts_instances USING fts5vocab(main, passages_fts, instance)',
  );
  // The row view: each term with the number of passages it occurs in.
  client.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_fts_terms USING fts5vocab(main, passages_fts, row)');
  const termStatement = client.prepare('SELECT term, doc FROM temp.passages_fts_terms WHERE doc > ?').raw();
  const dataVersion = client.prepare('PRAGMA data_version').pluck();
  // Passages added on this connection outside the repository (its own saves bump `generation`).
  const shape = client.prepare('SELECT coalesce(max(rowid), 0) FROM passages').pluck();
  const passageCount = client.prepare('SELECT count(*) FROM passages').pluck();
  const documentCount = client.prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck();
  const reader = createListReader(client);
  const loadNorms = createNormsReader(client);
  let current: Snapshot | null = null;

  /** Lengths and norms of every passage, from the former version's when this one only appended passages to it. */
  function loadStats(snapshot: Snapshot): CorpusStats {
    const { stats, lengthTotal, runs } = loadNorms(snapshot.appendedTo);
    snapshot.lengthTotal = lengthTotal;
    snapshot.runs = runs;
    snapshot.appendedTo = null;
    return stats;
  }

  /** Stats of the snapshot, read on first use. */
  function statsOf(snapshot: Snapshot): CorpusStats {
    snapshot.stats ??= loadStats(snapshot);
    return snapshot.stats;
  }

  /** A list held in memory, brought up to the snapshot first when it was kept from a former version. */
  function held(snapshot: Snapshot, key: string): PackedPostings | undefined {
    const packed = snapshot.postings.get(key);
    const covered = snapshot.behind.get(key);
    if (packed === undefined || covered === undefined) return packed;
    // The lowest rowid a kept list is still behind: one index of the appended passages serves them all.
    let lowest = covered;
    for (const behind of snapshot.behind.values()) if (behind < lowest) lowest = behind;
    snapshot.behind.delete(key);
    const phrase = snapshot.phrases.get(key) ?? key;
    const from = Math.max(covered, packed.last);
    const grown = reader.extend(phrase, packed, { from, lowest }, snapshot.point, statsOf(snapshot).norms);
    keep(snapshot, key, grown);
    return grown;
  }

  /** Keeps a packed list as the most recently used, dropping the least recently used past the cap. */
  function keep(snapshot: Snapshot, key: string, packed: PackedPostings): void {
    const old = snapshot.postings.get(key);
    if (old !== undefined) {
      snapshot.postings.delete(key);
      snapshot.postingBytes -= old.bytes.length;
    }
    snapshot.postings.set(key, packed);
    snapshot.postingBytes += packed.bytes.length;
    for (const [oldest, list] of snapshot.postings) {
      if (snapshot.postingBytes <= MAX_POSTING_BYTES || oldest === key) break;
      snapshot.postings.delete(oldest);
      snapshot.behind.delete(oldest);
      snapshot.phrases.delete(oldest);
      snapshot.postingBytes -= list.bytes.length;
    }
  }

  /**
   * A list from the cache, else read (a common single ASCII term's through the stored lists, `common` being
   * the passage count past which a list is stored; null: never stored).
   */
  /** Lists of one ASCII term (its stem is plain letters and digits) may be stored. */
  const storable = (phrase: string, key: string): boolean => STORABLE_KEY.test(key) && isAscii(phrase);

  function postings(snapshot: Snapshot, phrase: string, key: string, common: number | null = null): Postings {
    const packed = held(snapshot, key);
    if (packed !== undefined) {
      keep(snapshot, key, packed);
      return lazyPostings(packed);
    }
    snapshot.stats ??= loadStats(snapshot);
    const read = reader.read(phrase, key, snapshot.point, snapshot.stats, storable(phrase, key) ? common : null);
    snapshot.phrases.set(key, phrase);
    keep(snapshot, key, read.packed);
    return read.postings;
  }

  function carry(former: Snapshot, next: Snapshot): void {
    if (former.stats !== null && former.runs !== null) {
      const { stats, lengthTotal, runs } = former;
      next.appendedTo = { stats, upto: former.point.upto, lengthTotal, runs };
    } else if (former.appendedTo !== null) {
      next.appendedTo = former.appendedTo;
    }
    next.postings = former.postings;
    next.postingBytes = former.postingBytes;
    next.phrases = former.phrases;
    next.behind = former.behind;
    for (const key of next.postings.keys()) if (!next.behind.has(key)) next.behind.set(key, former.point.upto);
    // The commonest lists were read ahead already and are kept: the vocabulary is not read again.
    next.rankings = Number.NEGATIVE_INFINITY;
    next.warmEntries = MAX_WARM_ENTRIES;
  }

  return {
    /** The caches of the corpus as it is now (new, empty ones if anything changed since the last call). */
    snapshot(): Snapshot {
      const key = `${dataVersion.get()}:${generation()}:${shape.get()}`;
      if (current?.key !== key) {
        const former = current;
        const point = reader.point();
        current = {
          key,
          passages: passageCount.get() as number,
          point,
          postings: new Map(),
          postingBytes: 0,
          warmEntries: 0,
          documents: new Map(),
          terms: null,
          warmQueue: [],
          rankings: 0,
          stats: null,
          lengthTotal: 0,
          runs: null,
          appendedTo: null,
          behind: new Map(),
          phrases: new Map(),
        };
        // Passages only appended (none removed or changed since): what was read stays valid up to the
        // former highest rowid, so lists are kept and grown by their tail, and only new lengths are read.
        if (former !== null && former.point.removals === point.removals && former.point.upto <= point.upto) {
          carry(former, current);
        }
      }
      return current;
    },

    /** The cached list for `key`, or null when it has not been read in this version. */
    cached(snapshot: Snapshot, key: string): Postings | null {
      const packed = held(snapshot, key);
      return packed === undefined ? null : lazyPostings(packed);
    },

    /**
     * Where a phrase occurs; `key` names its terms, so phrases that stem alike share one list. Least
     * recently used lists are dropped past the cap.
     */
    postings,

    /** How many passages a phrase occurs in (exact: bm25's n for its IDF); a count is cheaper than the list. */
    documents(snapshot: Snapshot, phrase: string, key: string): number {
      const list = held(snapshot, key);
      if (list !== undefined) return list.length;
      if (snapshot.terms !== null && !key.includes(' ') && isAscii(phrase)) {
        const listed = snapshot.terms.get(key);
        if (listed !== undefined) return listed;
        // Not listed, so in few passages: reading its short list costs about what counting would.
        return postings(snapshot, phrase, key).rowids.length;
      }
      let count = snapshot.documents.get(key);
      if (count === undefined && storable(phrase, key)) {
        // A stored list (common terms only) is cheaper to read than FTS5 is to count.
        const kept = reader.fromStore(phrase, key, snapshot.point, () => {
          snapshot.stats ??= loadStats(snapshot);
          return snapshot.stats;
        });
        if (kept !== null) {
          keep(snapshot, key, kept.packed);
          return kept.packed.length;
        }
      }
      if (count === undefined) {
        count = documentCount.get(quotePhrase(phrase)) as number;
        if (snapshot.documents.size >= MAX_COUNTS) snapshot.documents.clear();
        snapshot.documents.set(key, count);
      }
      return count;
    },

    /**
     * Reads ahead the lists of the corpus's commonest terms, a slice per ranking, so that the words
     * every other query contains are cached after a few queries (reading one costs milliseconds). The
     * first ranking in a version does nothing (a one-off search, as from the CLI, pays nothing); the
     * second reads the vocabulary (each term's passage count, which also saves counting them later).
     */
    warm(snapshot: Snapshot, threshold: number): void {
      snapshot.rankings++;
      if (snapshot.rankings < 2) return;
      if (snapshot.terms === null) {
        snapshot.terms = new Map(termStatement.all(MIN_LISTED_TERM) as [string, number][]);
        // A term in half the passages or more has bm25's floored IDF (1e-6): its list never moves a ranking, as
        // the threshold algorithm stops before it, and the commonest lists cost most to read (at 1M passages the six
        // such terms were 4.2M of the 6M entries read ahead, and reading one held some 50 MB at once).
        snapshot.warmQueue = [...snapshot.terms]
          .filter(
            ([term, documents]) =>
              documents > threshold && documents * 2 < snapshot.passages && isAscii(term) && readsAsItself(term),
          )
          .sort((a, b) => a[1] - b[1])
          .map(([term]) => term);
        return;
      }
      let budget = WARM_ENTRIES_PER_RANKING;
      while (budget > 0 && snapshot.warmQueue.length > 0) {
        const term = snapshot.warmQueue.pop() as string;
        const documents = snapshot.terms.get(term) ?? 0;
        if (snapshot.warmEntries + documents > MAX_WARM_ENTRIES) {
          snapshot.warmQueue = [];
          break;
        }
        if (snapshot.postings.has(term)) continue;
        const length = postings(snapshot, term, term, threshold).packed?.length ?? documents;
        snapshot.warmEntries += length;
        budget -= length;
      }
    },

    /** Lengths and norms of every passage (read on first use in a version: ~40 ms at 100k passages). */
    corpus(snapshot: Snapshot): CorpusStats {
      snapshot.stats ??= loadStats(snapshot);
      return snapshot.stats;
    },
  };
}
