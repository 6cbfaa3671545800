/**
 * The packed form of the inverted index (table posting_blocks, and each term's tail in search_terms): a block
 * holds up to BLOCK_ENTRIES postings of one term, ascending by passage seq, and a tail up to BLOCK_ENTRIES of
 * its newest ones, each as one or more chunks (a tail grows by a chunk per batch, pg-postings.ts). A chunk is
 * a marker byte (CHUNK_MARKER), its entry count, then per entry the seq (the first in full, the others as the
 * gap from the previous one), tf and passage length, each an unsigned LEB128 varint: about 3 bytes an entry
 * where fixed-width fields took 10, so a list is a third of the bytes to read, send and decode. Migration
 * 0008 writes the same bytes in SQL. A block of 128 entries stays in the row itself (PostgreSQL moves values
 * to TOAST only past about 2 kB).
 */
import type { ListEntries } from './pg-list-cache.ts';

/** Most entries in one block. Migration 0008 uses the same number. */
export const BLOCK_ENTRIES = 128;
/** First byte of every chunk. */
export const CHUNK_MARKER = 0x80;
/** tf as the index keeps it: a term repeated more often than this in one passage counts as this many. */
export const MAX_TF = 0xffff;
/** Most bytes one entry takes (three varints of 32 bits), and a chunk header. */
const MAX_ENTRY_BYTES = 15;
const MAX_HEADER_BYTES = 6;

/** One posting: a passage, how often the term occurs there and the passage's length in terms. */
export interface Posting {
  seq: number;
  tf: number;
  length: number;
}

/** Writes varints into one buffer, growing nothing: callers size it by MAX_ENTRY_BYTES. */
class ChunkWriter {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  varint(value: number): void {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.at++] = v;
  }

  /** One chunk of the entries `from` to `to` (exclusive) of `flat` (seq, tf, length per entry; seq ascending). */
  chunk(flat: ArrayLike<number>, from: number, to: number): void {
    this.bytes[this.at++] = CHUNK_MARKER;
    this.varint(to - from);
    let previous = 0;
    for (let k = from * 3; k < to * 3; k += 3) {
      const seq = flat[k] as number;
      this.varint(seq - previous);
      this.varint(Math.min(flat[k + 1] as number, MAX_TF));
      this.varint(flat[k + 2] as number);
      previous = seq;
    }
  }
}

/** Entries (ascending by seq) packed as one chunk. */
export function packEntries(entries: readonly Posting[]): Buffer {
  const writer = new ChunkWriter(Buffer.allocUnsafe(MAX_HEADER_BYTES + entries.length * MAX_ENTRY_BYTES));
  writer.chunk(
    entries.flatMap((e) => [e.seq, e.tf, e.length]),
    0,
    entries.length,
  );
  return Buffer.from(writer.bytes.buffer, writer.bytes.byteOffset, writer.at);
}

/**
 * Packed chunks (one block, or a list's blocks concatenated) as typed arrays, entries at or below seq `after`
 * left out, sorted by seq (blocks come in key order, which is seq order; any other order is sorted all the same).
 */
export function decodeEntries(data: Uint8Array | null, after = 0): ListEntries {
  const bytes = data ?? new Uint8Array(0);
  // Every entry takes at least 3 bytes: room for all of them, trimmed below.
  const room = Math.floor(bytes.length / 3);
  const seqs = new Int32Array(room);
  const tfs = new Uint16Array(room);
  const lengths = new Uint32Array(room);
  let at = 0;
  let n = 0;
  let sorted = true;
  const varint = (): number => {
    let byte = bytes[at++] as number;
    if (byte < 0x80) return byte; // most gaps, tfs and lengths
    let value = byte & 0x7f;
    let scale = 0x80;
    do {
      byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    return value;
  };
  while (at < bytes.length) {
    if (bytes[at++] !== CHUNK_MARKER) throw new Error('posting block: not a chunk');
    const count = varint();
    let seq = 0;
    for (let i = 0; i < count; i++) {
      seq += varint();
      const tf = varint();
      const length = varint();
      if (seq <= after) continue;
      if (n > 0 && seq < (seqs[n - 1] as number)) sorted = false;
      seqs[n] = seq;
      tfs[n] = tf;
      lengths[n] = length;
      n++;
    }
  }
  // Views, not copies: entries live only until the list is packed (a copy of every list read cost as much again).
  const out: ListEntries = { seqs: seqs.subarray(0, n), tfs: tfs.subarray(0, n), lengths: lengths.subarray(0, n) };
  if (sorted) return out;
  const order = Array.from(out.seqs.keys()).sort((a, b) => (out.seqs[a] as number) - (out.seqs[b] as number));
  return {
    seqs: Int32Array.from(order, (i) => out.seqs[i] as number),
    tfs: Uint16Array.from(order, (i) => out.tfs[i] as number),
    lengths: Uint32Array.from(order, (i) => out.lengths[i] as number),
  };
}

/** Packed chunks back as postings (the removal path rewrites blocks through these). */
export function unpackEntries(data: Uint8Array): Posting[] {
  const { seqs, tfs, lengths } = decodeEntries(data);
  return Array.from(seqs, (seq, i) => ({ seq, tf: tfs[i] as number, length: lengths[i] as number }));
}

/**
 * Each term's new postings, flat (seq, tf, length per entry, ascending by seq; views of one array), and the
 * terms written. Terms get batch-local numbers first, so counting is typed-array work (it ran per batch on
 * the ingest's critical path as maps of arrays, a fifth of the writer's CPU).
 */
export function collectPostings(passages: readonly { seq: number; terms: readonly string[] }[]) {
  const sorted = [...passages].sort((a, b) => a.seq - b.seq);
  const numbers = new Map<string, number>();
  const names: string[] = [];
  let terms = 0;
  for (const { terms: words } of sorted) terms += words.length;
  const tokens = new Int32Array(terms);
  let at = 0;
  for (const { terms: words } of sorted)
    for (const word of words) {
      let n = numbers.get(word);
      if (n === undefined) {
        n = names.length;
        numbers.set(word, n);
        names.push(word);
      }
      tokens[at++] = n;
    }
  // tf per passage in `tf` (reset through `seen`), and each term's entry count, then the entries in place.
  const tf = new Int32Array(names.length);
  const entries = new Int32Array(names.length);
  const seen: number[] = [];
  const eachPassage = (visit: (seq: number, length: number) => void) => {
    let from = 0;
    for (const { seq, terms: words } of sorted) {
      for (let i = from; i < from + words.length; i++) {
        const n = tokens[i] as number;
        if (tf[n] === 0) seen.push(n);
        tf[n] = (tf[n] as number) + 1;
      }
      visit(seq, words.length);
      for (const n of seen) tf[n] = 0;
      seen.length = 0;
      from += words.length;
    }
  };
  eachPassage(() => {
    for (const n of seen) entries[n] = (entries[n] as number) + 1;
  });
  const starts = new Int32Array(names.length + 1);
  for (let n = 0; n < names.length; n++) starts[n + 1] = (starts[n] as number) + (entries[n] as number) * 3;
  const flat = new Int32Array(starts[names.length] as number);
  const next = starts.slice(0, names.length);
  eachPassage((seq, length) => {
    for (const n of seen) {
      let k = next[n] as number;
      flat[k++] = seq;
      flat[k++] = tf[n] as number;
      flat[k++] = length;
      next[n] = k;
    }
  });
  const byTerm = new Map<string, Int32Array>();
  for (let n = 0; n < names.length; n++)
    byTerm.set(names[n] as string, flat.subarray(starts[n] as number, starts[n + 1] as number));
  return { byTerm, terms };
}

/** Byte ranges in one buffer, a range per term (`starts` and `sizes` in bytes). */
export interface PackedRanges {
  starts: number[];
  sizes: number[];
  data: Buffer;
}

/** Each term's new entries (flat: seq, tf, length per entry, ascending) as one chunk, in the order given. */
export function packChunks(lists: readonly ArrayLike<number>[]): PackedRanges {
  let entries = 0;
  for (const flat of lists) entries += flat.length / 3;
  const writer = new ChunkWriter(Buffer.allocUnsafe(entries * MAX_ENTRY_BYTES + lists.length * MAX_HEADER_BYTES));
  const starts: number[] = [];
  const sizes: number[] = [];
  for (const flat of lists) {
    starts.push(writer.at);
    writer.chunk(flat, 0, flat.length / 3);
    sizes.push(writer.at - (starts[starts.length - 1] as number));
  }
  return { starts, sizes, data: Buffer.from(writer.bytes.buffer, writer.bytes.byteOffset, writer.at) };
}

/** Sealed blocks to insert and the tails left, as parallel arrays over one buffer (see cutTails). */
export interface CutTails {
  blocks: PackedRanges & { termIds: number[]; firstSeqs: number[]; lastSeqs: number[] };
  tails: PackedRanges & { termIds: number[]; entries: number[] };
}

/**
 * Tails that outgrew a block cut into sealed blocks of BLOCK_ENTRIES (keyed by their first seq, which is above
 * every entry of the term's earlier blocks) and what is left (1 to BLOCK_ENTRIES entries), the new tail.
 */
export function cutTails(spilled: readonly { termId: number; tail: Uint8Array }[]): CutTails {
  const lists = spilled.map(({ termId, tail }) => ({ termId, entries: decodeEntries(tail) }));
  let total = 0;
  for (const { entries } of lists) total += entries.seqs.length;
  const writer = new ChunkWriter(
    Buffer.allocUnsafe(total * MAX_ENTRY_BYTES + (total / BLOCK_ENTRIES + 2 * lists.length) * MAX_HEADER_BYTES),
  );
  const out: CutTails = {
    blocks: { termIds: [], firstSeqs: [], lastSeqs: [], starts: [], sizes: [], data: Buffer.alloc(0) },
    tails: { termIds: [], entries: [], starts: [], sizes: [], data: Buffer.alloc(0) },
  };
  for (const { termId, entries } of lists) {
    const { seqs, tfs, lengths } = entries;
    const count = seqs.length;
    const flat: number[] = [];
    for (let i = 0; i < count; i++) flat.push(seqs[i] as number, tfs[i] as number, lengths[i] as number);
    // The tail keeps the last 1..BLOCK_ENTRIES entries (none when every entry was removed).
    const sealed = count === 0 ? 0 : Math.floor((count - 1) / BLOCK_ENTRIES) * BLOCK_ENTRIES;
    for (let from = 0; from < sealed; from += BLOCK_ENTRIES) {
      out.blocks.termIds.push(termId);
      out.blocks.firstSeqs.push(seqs[from] as number);
      out.blocks.lastSeqs.push(seqs[from + BLOCK_ENTRIES - 1] as number);
      out.blocks.starts.push(writer.at);
      writer.chunk(flat, from, from + BLOCK_ENTRIES);
      out.blocks.sizes.push(writer.at - (out.blocks.starts[out.blocks.starts.length - 1] as number));
    }
    out.tails.termIds.push(termId);
    out.tails.entries.push(count - sealed);
    out.tails.starts.push(writer.at);
    if (count > sealed) writer.chunk(flat, sealed, count);
    out.tails.sizes.push(writer.at - (out.tails.starts[out.tails.starts.length - 1] as number));
  }
  const data = Buffer.from(writer.bytes.buffer, writer.bytes.byteOffset, writer.at);
  out.blocks.data = data;
  out.tails.data = data;
  return out;
}
