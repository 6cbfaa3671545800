import type Database from 'better-sqlite3';
import type { CorpusStats } from './corpus-stats.ts';
import { B, K1 } from './postings.ts';

/** Passage lengths read per statement (about 100k × 11 characters of text). */
const LENGTHS_PER_READ = 100_000;

/**
 * The rowids present, as runs of consecutive ones: `bounds[2i]` starts a run, `bounds[2i + 1]` ends it (exclusive).
 * Rowids only grow (AUTOINCREMENT) and are never reused, so removals and edited documents (deleted, then inserted
 * again at the top) leave gaps that a long-lived corpus keeps: the passes over every passage follow the runs, so
 * they cost the passages there are, not the highest rowid, and the arrays' pages over a gap are never written (an
 * untouched page of a typed array costs no memory).
 */
export interface Runs {
  bounds: Int32Array;
  count: number;
}

/** Notes `rowid` (above every rowid noted so far) in `runs`. */
function addRow(runs: Runs, rowid: number): void {
  const end = runs.count * 2 - 1;
  if (runs.count > 0 && runs.bounds[end] === rowid) {
    runs.bounds[end] = rowid + 1;
    return;
  }
  if (runs.count * 2 + 2 > runs.bounds.length) {
    const more = new Int32Array(Math.max(16, runs.bounds.length * 2));
    more.set(runs.bounds);
    runs.bounds = more;
  }
  runs.bounds[runs.count * 2] = rowid;
  runs.bounds[runs.count * 2 + 1] = rowid + 1;
  runs.count++;
}

/**
 * Parses "rowid:hex,rowid:hex,…" from passages_fts_docsize into `lengths` (hex is the varint of the
 * passage's length in terms), noting each rowid in `runs`; returns the rows read, their total length, the
 * highest rowid read and whether they came in ascending order (as the ordered subquery gives them).
 */
function parseLengths(
  text: string,
  lengths: Float64Array,
  runs: Runs,
): { rows: number; total: number; last: number; ordered: boolean } {
  let rows = 0;
  let total = 0;
  let rowid = 0;
  let length = 0;
  let inHex = false;
  let done = false;
  let high = -1;
  let last = -1;
  let ordered = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      if (inHex && rowid < lengths.length) {
        lengths[rowid] = length;
        total += length;
        rows++;
        if (rowid > last) addRow(runs, rowid);
        else ordered = false;
        last = Math.max(last, rowid);
      }
      rowid = 0;
      length = 0;
      inHex = false;
      done = false;
      high = -1;
    } else if (c === 58) {
      inHex = true;
    } else if (!inHex) {
      rowid = rowid * 10 + (c - 48);
    } else {
      const digit = c <= 57 ? c - 48 : c - 55;
      if (high < 0) {
        high = digit;
      } else {
        const byte = high * 16 + digit;
        high = -1;
        // Varint: 7 bits per byte, the high bit set on all but the last.
        if (!done) length = length * 128 + (byte & 0x7f);
        if (byte < 0x80) done = true;
      }
    }
  }
  return { rows, total, last, ordered };
}

/** The former version's statistics, when the corpus only had passages appended since (extended, not read again). */
export interface AppendedTo {
  stats: CorpusStats;
  /** The highest rowid the former version covered. */
  upto: number;
  /** Its total passage length (with stats.rows, bm25's average length). */
  lengthTotal: number;
  /** The rowids it covered. */
  runs: Runs;
}

/**
 * Reads the passages' lengths from passages_fts_docsize (FTS5's shadow table: one varint per column, the
 * passage's length in tokens) and turns them into bm25's norms. No documented interface gives them without a
 * full scan (fts5vocab's instance view would count every token; the auxiliary API's xColumnSize is C-only), so
 * tests/db/search/corpus-stats.test.ts pins the format against fts5vocab on this SQLite version.
 */
export function createNormsReader(client: Database.Database) {
  const maxDocsizeStatement = client.prepare('SELECT max(id) FROM passages_fts_docsize').pluck();
  // The next rows from a rowid on, in order (a slice by count: a gap of any size costs one probe of the key).
  const lengthStatement = client
    .prepare(
      `SELECT coalesce(group_concat(id || ':' || hex(sz), ','), '')
       FROM (SELECT id, sz FROM passages_fts_docsize WHERE id >= ? ORDER BY id LIMIT ${LENGTHS_PER_READ})`,
    )
    .pluck();

  /**
   * Lengths and norms of every passage, with their total length and the rowids present. When `former` is given
   * (the corpus only had passages appended since), only the new passages' lengths are read: the others come
   * back from the former norms (a length is an integer, so inverting the norm and rounding gives it exactly) and
   * every norm is recomputed with the new average. The former accumulators are reused while they fit.
   */
  return function loadNorms(former: AppendedTo | null): { stats: CorpusStats; lengthTotal: number; runs: Runs } {
    const maxRowid = (maxDocsizeStatement.get() as number | null) ?? 0;
    // Lengths are read into the norms' own array and turned into norms in place once the average is known:
    // no second array of a number per passage, even for a moment.
    const lengths = new Float64Array(maxRowid + 1);
    let runs: Runs = { bounds: new Int32Array(0), count: 0 };
    let rows = 0;
    let total = 0;
    let start = 0;
    if (former !== null) {
      const { norms } = former.stats;
      const average = former.stats.rows > 0 ? former.lengthTotal / former.stats.rows : 1;
      const { bounds, count } = former.runs;
      for (let i = 0; i < count; i++) {
        const end = Math.min(bounds[i * 2 + 1] as number, norms.length);
        for (let r = bounds[i * 2] as number; r < end; r++) {
          lengths[r] = Math.round((((norms[r] as number) / K1 - (1 - B)) * average) / B);
        }
      }
      runs = { bounds: former.runs.bounds.slice(), count: former.runs.count };
      rows = former.stats.rows;
      total = former.lengthTotal;
      start = former.upto + 1;
    }
    // In slices of rows, so the text read at once stays about a megabyte however large the corpus.
    let ordered = true;
    for (let from = start; from <= maxRowid; ) {
      const counted = parseLengths(lengthStatement.get(from) as string, lengths, runs);
      rows += counted.rows;
      total += counted.total;
      ordered &&= counted.ordered;
      if (counted.rows < LENGTHS_PER_READ || counted.last < from) break;
      from = counted.last + 1;
    }
    // group_concat's order is SQLite's habit, not its promise: out of order, the runs are those of the lengths
    // (a passage of no terms is in no list, so its norm is never read).
    if (!ordered) {
      runs = { bounds: new Int32Array(0), count: 0 };
      for (let r = 0; r <= maxRowid; r++) if ((lengths[r] as number) > 0) addRow(runs, r);
    }
    const averageLength = rows > 0 ? total / rows : 1;
    const norms = lengths;
    for (let i = 0; i < runs.count; i++) {
      const end = runs.bounds[i * 2 + 1] as number;
      for (let r = runs.bounds[i * 2] as number; r < end; r++) {
        norms[r] = K1 * (1 - B + (B * (lengths[r] as number)) / averageLength);
      }
    }
    const size = maxRowid + 1;
    // The accumulators (zeroed between queries) are reused while they fit: room for a few polls is left.
    const roomy = former !== null && former.stats.scratch.length >= size;
    const room = size + (size >> 5);
    const stats: CorpusStats = {
      rows,
      norms,
      single: new Float64Array(0),
      scratch: roomy ? former.stats.scratch : new Float64Array(room),
      touched: roomy ? former.stats.touched : new Int32Array(room),
      marks: new Uint8Array(0),
    };
    return { stats, lengthTotal: total, runs };
  };
}
