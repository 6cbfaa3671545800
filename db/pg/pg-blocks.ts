/**
 * The packed form of the inverted index (table posting_blocks): a row holds up to BLOCK_ENTRIES postings of
 * one term, ascending by passage seq, each ENTRY_BYTES bytes: int4 seq, int2 tf, int4 passage length
 * (big-endian, as int4send/int2send write them, so migration 0007 packs the same bytes in SQL). A block of
 * 128 entries (1,280 bytes) stays in the row itself: PostgreSQL moves values to TOAST only past about 2 kB.
 */

/** Most entries in one block. Migration 0007 uses the same number. */
export const BLOCK_ENTRIES = 128;
/** Bytes per entry: seq (int4), tf (int2), passage length (int4). */
export const ENTRY_BYTES = 10;
/** tf is an int2: a term repeated more often than this in one passage counts as this many. */
export const MAX_TF = 32_767;

/** One posting: a passage, how often the term occurs there and the passage's length in terms. */
export interface Posting {
  seq: number;
  tf: number;
  length: number;
}

/** Entries packed as a block's bytes, in the order given. */
export function packEntries(entries: readonly Posting[]): Buffer {
  const out = Buffer.allocUnsafe(entries.length * ENTRY_BYTES);
  let at = 0;
  for (const { seq, tf, length } of entries) {
    out.writeInt32BE(seq, at);
    out.writeInt16BE(Math.min(tf, MAX_TF), at + 4);
    out.writeInt32BE(length, at + 6);
    at += ENTRY_BYTES;
  }
  return out;
}

/** Packed entries back as postings (the removal path rewrites blocks through these). */
export function unpackEntries(data: Uint8Array): Posting[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Posting[] = [];
  for (let at = 0; at + ENTRY_BYTES <= data.length; at += ENTRY_BYTES)
    out.push({ seq: view.getInt32(at), tf: view.getInt16(at + 4), length: view.getInt32(at + 6) });
  return out;
}

/** A row to write: a new block, or entries appended to the term's tail block (its key, `firstSeq`). */
export interface BlockWrite {
  termId: number;
  firstSeq: number;
  lastSeq: number;
  data: Buffer;
}

/** Each term's new postings, flat (seq, tf, length per entry, ascending by seq), and the terms written. */
export function collectPostings(passages: readonly { seq: number; terms: readonly string[] }[]) {
  const byTerm = new Map<string, number[]>();
  const tf = new Map<string, number>();
  let terms = 0;
  for (const { seq, terms: words } of [...passages].sort((a, b) => a.seq - b.seq)) {
    terms += words.length;
    tf.clear();
    for (const term of words) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const [term, count] of tf) {
      const flat = byTerm.get(term);
      if (flat) flat.push(seq, count, words.length);
      else byTerm.set(term, [seq, count, words.length]);
    }
  }
  return { byTerm, terms };
}

/** Index of the first entry of the last chunk when `count` entries are cut into blocks. */
export function lastChunkStart(count: number): number {
  return count === 0 ? 0 : Math.floor((count - 1) / BLOCK_ENTRIES) * BLOCK_ENTRIES;
}

/** Blocks to write as parallel arrays, their bytes in one buffer (`starts` and `sizes` in bytes). */
export interface BlockBatch {
  termIds: number[];
  firstSeqs: number[];
  lastSeqs: number[];
  starts: number[];
  sizes: number[];
  data: Buffer;
}

/**
 * Where each term's new entries go, given the tail the vocabulary upsert chose (`tailSeq`): when it is not
 * the first seq of their last chunk, the database found room in the old tail block and they are all appended
 * there (keyed by the tail); otherwise they start new blocks of BLOCK_ENTRIES, the last the new tail.
 */
export function planBlocks(terms: readonly { id: number; tailSeq: number; flat: readonly number[] }[]): BlockBatch {
  const out: BlockBatch = { termIds: [], firstSeqs: [], lastSeqs: [], starts: [], sizes: [], data: Buffer.alloc(0) };
  let total = 0;
  for (const { flat } of terms) total += flat.length / 3;
  const data = Buffer.allocUnsafe(total * ENTRY_BYTES);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  const block = (termId: number, firstSeq: number, flat: readonly number[], from: number, to: number) => {
    out.termIds.push(termId);
    out.firstSeqs.push(firstSeq);
    out.lastSeqs.push(flat[(to - 1) * 3] as number);
    out.starts.push(at);
    out.sizes.push((to - from) * ENTRY_BYTES);
    for (let i = from; i < to; i++) {
      view.setInt32(at, flat[i * 3] as number);
      view.setInt16(at + 4, Math.min(flat[i * 3 + 1] as number, MAX_TF));
      view.setInt32(at + 6, flat[i * 3 + 2] as number);
      at += ENTRY_BYTES;
    }
  };
  for (const { id, tailSeq, flat } of [...terms].sort((a, b) => a.id - b.id)) {
    const count = flat.length / 3;
    if (tailSeq !== flat[lastChunkStart(count) * 3]) {
      block(id, tailSeq, flat, 0, count);
      continue;
    }
    for (let from = 0; from < count; from += BLOCK_ENTRIES) {
      block(id, flat[from * 3] as number, flat, from, Math.min(count, from + BLOCK_ENTRIES));
    }
  }
  out.data = data;
  return out;
}
