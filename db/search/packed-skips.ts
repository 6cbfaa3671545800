import type { PackedPostings } from './packed-postings.ts';

/** Entries per skip: a packed list can be entered at every SKIP_ENTRIES-th entry without decoding those before. */
export const SKIP_ENTRIES = 128;

/** Where each run of SKIP_ENTRIES entries of a packed list starts. */
export interface PackedSkips {
  /** Runs in the list. */
  count: number;
  /** The rowid of the entry before run k (0 for the first): the base its first gap adds to. */
  before: Int32Array;
  /** The byte offset of run k's first entry. */
  offsets: Int32Array;
}

// By the bytes, not the list object: a store may hand scoring a copy of a cached list (with the peak of the
// current average, say), and the bytes are what the offsets point into.
const known = new WeakMap<Uint8Array, PackedSkips>();

/**
 * The skips of a packed list, computed on first use (one pass, about as cheap as scoring it once) and kept as
 * long as its bytes: 8 bytes per 128 entries. They let a list be added to a few candidates without decoding
 * the runs between them (a list of 380k passages added to 20 candidates decoded all of it).
 */
export function skipsOf(packed: PackedPostings): PackedSkips {
  const found = known.get(packed.bytes);
  if (found) return found;
  const { bytes, length } = packed;
  const withCounts = packed.most > 0;
  const count = Math.ceil(length / SKIP_ENTRIES);
  const before = new Int32Array(count);
  const offsets = new Int32Array(count);
  let at = 0;
  let rowid = 0;
  for (let i = 0; i < length; i++) {
    if (i % SKIP_ENTRIES === 0) {
      before[i / SKIP_ENTRIES] = rowid;
      offsets[i / SKIP_ENTRIES] = at;
    }
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
    }
    if (!withCounts) {
      rowid += value;
      continue;
    }
    rowid += Math.floor(value / 2);
    // A count follows when the low bit is set: skip its varint.
    if (value % 2 === 1) while ((bytes[at++] as number) >= 0x80);
  }
  const skips = { count, before, offsets };
  known.set(packed.bytes, skips);
  return skips;
}
