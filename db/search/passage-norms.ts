import type Database from 'better-sqlite3';
import type { CorpusStats } from './corpus-stats.ts';
import { B, K1 } from './postings.ts';

/** Passage lengths read per statement (about 100k × 11 characters of text). */
const LENGTHS_PER_READ = 100_000;

/**
 * Parses "rowid:hex,rowid:hex,…" from passages_fts_docsize into `lengths` (hex is the varint of the
 * passage's length in terms); returns the rows read and their total length.
 */
function parseLengths(text: string, lengths: Float64Array): { rows: number; total: number } {
  let rows = 0;
  let total = 0;
  let rowid = 0;
  let length = 0;
  let inHex = false;
  let done = false;
  let high = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      if (inHex && rowid < lengths.length) {
        lengths[rowid] = length;
        total += length;
        rows++;
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
  return { rows, total };
}

/** The former version's statistics, when the corpus only had passages appended since (extended, not read again). */
export interface AppendedTo {
  stats: CorpusStats;
  /** The highest rowid the former version covered. */
  upto: number;
  /** Its total passage length (with stats.rows, bm25's average length). */
  lengthTotal: number;
}

/**
 * Reads the passages' lengths from passages_fts_docsize (FTS5's shadow table: one varint per column, the
 * passage's length in tokens) and turns them into bm25's norms. No documented interface gives them without a
 * full scan (fts5vocab's instance view would count every token; the auxiliary API's xColumnSize is C-only), so
 * tests/db/search/corpus-stats.test.ts pins the format against fts5vocab on this SQLite version.
 */
export function createNormsReader(client: Database.Database) {
  const maxDocsizeStatement = client.prepare('SELECT max(id) FROM passages_fts_docsize').pluck();
  const lengthStatement = client
    .prepare(
      "SELECT coalesce(group_concat(id || ':' || hex(sz), ','), '') FROM passages_fts_docsize WHERE id >= ? AND id < ?",
    )
    .pluck();

  /**
   * Lengths and norms of every passage, with their total length. When `former` is given (the corpus only had
   * passages appended since), only the new passages' lengths are read: the others come back from the former
   * norms (a length is an integer, so inverting the norm and rounding gives it exactly) and every norm is
   * recomputed with the new average. The former accumulators are reused while they fit.
   */
  return function loadNorms(former: AppendedTo | null): { stats: CorpusStats; lengthTotal: number } {
    const maxRowid = (maxDocsizeStatement.get() as number | null) ?? 0;
    // Lengths are read into the norms' own array and turned into norms in place once the average is known:
    // no second array of a number per passage, even for a moment.
    const lengths = new Float64Array(maxRowid + 1);
    let rows = 0;
    let total = 0;
    let start = 0;
    if (former !== null) {
      const { norms } = former.stats;
      const average = former.stats.rows > 0 ? former.lengthTotal / former.stats.rows : 1;
      for (let r = 0; r <= former.upto && r < norms.length; r++) {
        lengths[r] = Math.round((((norms[r] as number) / K1 - (1 - B)) * average) / B);
      }
      rows = former.stats.rows;
      total = former.lengthTotal;
      start = former.upto + 1;
    }
    // In slices of rowids, so the text read at once stays about a megabyte however large the corpus.
    for (let from = start; from <= maxRowid; from += LENGTHS_PER_READ) {
      const counted = parseLengths(lengthStatement.get(from, from + LENGTHS_PER_READ) as string, lengths);
      rows += counted.rows;
      total += counted.total;
    }
    const averageLength = rows > 0 ? total / rows : 1;
    const norms = lengths;
    for (let r = 0; r <= maxRowid; r++) norms[r] = K1 * (1 - B + (B * (lengths[r] as number)) / averageLength);
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
    return { stats, lengthTotal: total };
  };
}
