import { K1, type Postings } from './postings.ts';

/**
 * A list of postings as the SQLite cache keeps it: one varint per entry holding the gap from the previous
 * rowid and whether the passage holds the term more than once, then (only then) the count less two. Lists
 * of common words are dense (gaps under 64), so an entry takes about a byte instead of the five of
 * Postings (Int32 rowid and one-byte count): the cache holds every common word of a 1M corpus in what
 * held a third of them.
 */
export interface PackedPostings {
  bytes: Uint8Array;
  /** Entries (passages the list holds). */
  length: number;
  /** Largest count, at least 1 (0 when the list has no counts). */
  most: number;
  peak: number;
  /** Highest rowid in the list (0 when empty): where an appended tail's first gap starts. */
  last: number;
}

/** Bytes of the varint of `value` (an unsigned 32-bit integer). */
function varintSize(value: number): number {
  let size = 1;
  for (let v = value >>> 7; v !== 0; v >>>= 7) size++;
  return size;
}

/** Writes the varint of `value` at `at`; returns the offset after it. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value >>> 0;
  let i = at;
  while (v >= 0x80) {
    bytes[i++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  bytes[i++] = v;
  return i;
}

/** The packed form of a list (ascending rowids below 2^31). */
export function pack(postings: Postings): PackedPostings {
  const { rowids, counts } = postings;
  // Without counts each entry is its gap alone; with counts the gap is doubled and the low bit flags a count.
  const shift = counts === null ? 1 : 2;
  let size = 0;
  let most = 0;
  let previous = 0;
  for (let i = 0; i < rowids.length; i++) {
    const rowid = rowids[i] as number;
    const tf = counts === null ? 1 : (counts[i] as number);
    size += varintSize((rowid - previous) * shift + (tf > 1 ? 1 : 0));
    if (tf > 1) size += varintSize(tf - 2);
    if (tf > most) most = tf;
    previous = rowid;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  previous = 0;
  for (let i = 0; i < rowids.length; i++) {
    const rowid = rowids[i] as number;
    const tf = counts === null ? 1 : (counts[i] as number);
    at = writeVarint(bytes, at, (rowid - previous) * shift + (tf > 1 ? 1 : 0));
    if (tf > 1) at = writeVarint(bytes, at, tf - 2);
    previous = rowid;
  }
  return {
    bytes,
    length: rowids.length,
    most: counts === null ? 0 : Math.max(1, most),
    peak: postings.peak,
    last: rowids.length > 0 ? (rowids[rowids.length - 1] as number) : 0,
  };
}

/**
 * The list with `tail` (rowids above its last, counts present exactly when the list has them) packed on
 * its end: passages appended to the corpus only add higher rowids, so a kept list grows by its tail.
 */
export function appendPacked(packed: PackedPostings, tail: Postings): PackedPostings {
  if (tail.rowids.length === 0) return packed;
  const shifted = new Int32Array(tail.rowids.length);
  for (let i = 0; i < shifted.length; i++) shifted[i] = (tail.rowids[i] as number) - packed.last;
  const more = pack({ rowids: shifted, counts: packed.most > 0 ? tail.counts : null, peak: tail.peak });
  const bytes = new Uint8Array(packed.bytes.length + more.bytes.length);
  bytes.set(packed.bytes);
  bytes.set(more.bytes, packed.bytes.length);
  return {
    bytes,
    length: packed.length + more.length,
    most: packed.most > 0 ? Math.max(packed.most, more.most) : 0,
    peak: Math.max(packed.peak, tail.peak),
    last: packed.last + more.last,
  };
}

/**
 * The most one occurrence list adds to a passage's score before IDF, max tf·(k1+1)/(tf+norm), walked over the
 * packed entries (norms change with the corpus's average length, so a list kept across versions needs it anew).
 */
export function peakOf(packed: PackedPostings, norms: Float64Array): number {
  if (packed.most === 0) return K1 + 1;
  const { bytes, length } = packed;
  const cursor = { at: 0 };
  let peak = 0;
  let rowid = 0;
  for (let i = 0; i < length; i++) {
    const value = readVarint(bytes, cursor);
    rowid += Math.floor(value / 2);
    const tf = value % 2 === 0 ? 1 : readVarint(bytes, cursor) + 2;
    const share = (tf * (K1 + 1)) / (tf + (norms[rowid] ?? K1));
    if (share > peak) peak = share;
  }
  return peak;
}

/**
 * For each count, the rowid of the shortest passage holding the term that often (-1: none), walked over the packed
 * entries as peakOf is. A norm grows with the passage's length whatever the average, so the list's peak under any
 * later norms is the largest share over these few entries (list-peaks.ts): no walk over the list after a poll.
 */
export function shortestByCount(packed: PackedPostings, norms: Float64Array): Int32Array {
  const shortest = new Int32Array(packed.most + 1).fill(-1);
  if (packed.most === 0) return shortest;
  const { bytes, length } = packed;
  const cursor = { at: 0 };
  let rowid = 0;
  for (let i = 0; i < length; i++) {
    const value = readVarint(bytes, cursor);
    rowid += Math.floor(value / 2);
    const tf = value % 2 === 0 ? 1 : readVarint(bytes, cursor) + 2;
    const held = shortest[tf] as number;
    if (held < 0 || (norms[rowid] ?? K1) < (norms[held] ?? K1)) shortest[tf] = rowid;
  }
  return shortest;
}

/** Reads the varint at `at` of a list's bytes (values below 2^32); returns it and leaves the offset in `cursor`. */
function readVarint(bytes: Uint8Array, cursor: { at: number }): number {
  let at = cursor.at;
  let byte = bytes[at++] as number;
  let value = byte & 0x7f;
  for (let shift = 7; byte >= 0x80; shift += 7) {
    byte = bytes[at++] as number;
    value += (byte & 0x7f) * 2 ** shift;
  }
  cursor.at = at;
  return value;
}

/** The list back as Postings (a few ns an entry: far cheaper than reading it from FTS5 again). */
export function unpack(packed: PackedPostings): Postings {
  const { bytes, length, most } = packed;
  const rowids = new Int32Array(length);
  if (most === 0) {
    const cursor = { at: 0 };
    let rowid = 0;
    for (let i = 0; i < length; i++) {
      rowid += readVarint(bytes, cursor);
      rowids[i] = rowid;
    }
    return { rowids, counts: null, peak: packed.peak };
  }
  const counts = most > 0xff ? new Uint16Array(length) : new Uint8Array(length);
  const cursor = { at: 0 };
  let rowid = 0;
  for (let i = 0; i < length; i++) {
    // Most entries are one byte: a gap under 64 in a passage holding the term once.
    const byte = bytes[cursor.at] as number;
    if (byte < 0x80) {
      cursor.at++;
      rowid += byte >>> 1;
      rowids[i] = rowid;
      counts[i] = (byte & 1) === 0 ? 1 : readVarint(bytes, cursor) + 2;
      continue;
    }
    const value = readVarint(bytes, cursor);
    rowid += Math.floor(value / 2);
    rowids[i] = rowid;
    counts[i] = value % 2 === 0 ? 1 : readVarint(bytes, cursor) + 2;
  }
  return { rowids, counts, peak: packed.peak };
}

/**
 * Postings over a packed list that unpack on first use of their entries: a cached list the ranking never
 * reaches (its bound already too low) costs nothing. The peak is known without unpacking.
 */
export function lazyPostings(packed: PackedPostings): Postings {
  let list: Postings | null = null;
  return {
    get rowids() {
      list ??= unpack(packed);
      return list.rowids;
    },
    get counts() {
      list ??= unpack(packed);
      return list.counts;
    },
    peak: packed.peak,
    packed,
  };
}
