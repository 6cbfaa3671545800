import type pg from 'pg';
import type { BlockDirectory } from './pg-block-intervals.ts';
import type { FetchBlocks } from './pg-block-max.ts';

/** Directory entries (16 bytes each) kept across queries; past this the directories start over. */
const MAX_DIRECTORY_BLOCKS = 1_000_000;
/** Bytes of packed blocks kept across queries (about 3 bytes an entry), least recently used dropped first. */
const MAX_BLOCK_BYTES = 24_000_000;
/** A block's cache key: term id × this + first seq (exact in a double for term ids below 2^21). */
const KEY_SCALE = 2 ** 31;

/** Packed blocks by key for one corpus version, least recently used dropped past MAX_BLOCK_BYTES. */
class BlockCache {
  version = '';
  private held = 0;
  private readonly blocks = new Map<number, Uint8Array>();

  clear(version: string): void {
    this.blocks.clear();
    this.held = 0;
    this.version = version;
  }

  get(key: number): Uint8Array | undefined {
    const bytes = this.blocks.get(key);
    if (bytes === undefined) return undefined;
    this.blocks.delete(key);
    this.blocks.set(key, bytes);
    return bytes;
  }

  set(key: number, bytes: Uint8Array): void {
    this.blocks.set(key, bytes);
    this.held += bytes.length;
    for (const [oldest, old] of this.blocks) {
      if (this.held <= MAX_BLOCK_BYTES) break;
      this.blocks.delete(oldest);
      this.held -= old.length;
    }
  }
}

/**
 * Each term's directory, one row per term: per block its first seq, last seq, highest tf and shortest
 * passage as four big-endian int4s in one bytea (one value to parse instead of a row per block), in key
 * order from an ordered subquery (the reader sorts whatever comes out of order). Index-only: the primary
 * key INCLUDEs these columns.
 */
const directorySql = `
  SELECT q.id, (
    SELECT string_agg(int4send(b.first_seq) || int4send(b.last_seq) || int4send(b.max_tf) || int4send(b.min_length),
      ''::bytea)
    FROM (SELECT first_seq, last_seq, max_tf, min_length FROM posting_blocks WHERE term_id = q.id ORDER BY first_seq) b
  ) AS directory
  FROM unnest($1::int[]) AS q(id)`;

/** Blocks by key, each by an index probe (a scalar subquery: never a scan, whatever the planner guesses). */
const blocksSql = `
  SELECT x.i::int AS i,
    (SELECT b.data FROM posting_blocks b WHERE b.term_id = x.term_id AND b.first_seq = x.first_seq) AS data
  FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS x(term_id, first_seq, i)`;

/** A directory from its packed form (see directorySql), sorted by first seq. */
export function parseDirectory(bytes: Uint8Array | null): BlockDirectory {
  const data = bytes ?? new Uint8Array(0);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = Math.floor(data.byteLength / 16);
  const rows = Array.from({ length: count }, (_, i) => i);
  const at = (i: number, field: number) => view.getInt32(i * 16 + field * 4);
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = at(i - 1, 0) < at(i, 0);
  if (!sorted) rows.sort((a, b) => at(a, 0) - at(b, 0));
  return {
    firstSeqs: Int32Array.from(rows, (i) => at(i, 0)),
    lastSeqs: Int32Array.from(rows, (i) => at(i, 1)),
    maxTfs: Int32Array.from(rows, (i) => at(i, 2)),
    minLengths: Int32Array.from(rows, (i) => at(i, 3)),
  };
}

/**
 * Reads common terms' block directories (kept for the corpus version they were read at: a write changes the
 * version, and the next query reads them again) and blocks by key for block-max ranking (pg-block-max.ts).
 */
export function createBlockReader(pool: pg.Pool) {
  let version = '';
  let held = 0;
  const directories = new Map<number, BlockDirectory>();
  const blocks = new BlockCache();

  return {
    /** The directories of `termIds` as of `token` (a corpus version), reading those not held in one statement. */
    async directories(termIds: readonly number[], token: string): Promise<Map<number, BlockDirectory>> {
      if (token !== version) {
        directories.clear();
        held = 0;
        version = token;
      }
      const missing = termIds.filter((id) => !directories.has(id));
      if (missing.length > 0) {
        const result = await pool.query<{ id: number; directory: Buffer | null }>(directorySql, [missing]);
        if (held > MAX_DIRECTORY_BLOCKS) {
          directories.clear();
          held = 0;
        }
        for (const row of result.rows) {
          const directory = parseDirectory(row.directory);
          directories.set(row.id, directory);
          held += directory.firstSeqs.length;
        }
      }
      return new Map(termIds.map((id) => [id, directories.get(id) ?? parseDirectory(null)]));
    },

    /**
     * Blocks by key, packed, in the order asked (empty for a block gone since its directory was read): those
     * held from earlier queries (a block changes only when a small batch appends to it, which changes the
     * version, or a removal rewrites it) and the rest in one statement.
     */
    fetch: (async (keys) => {
      if (keys.length === 0) return [];
      if (blocks.version !== version) blocks.clear(version);
      const out = keys.map(({ termId, firstSeq }) => blocks.get(termId * KEY_SCALE + firstSeq));
      const missing = keys.flatMap((_key, i) => (out[i] === undefined ? [i] : []));
      if (missing.length === 0) return out as Uint8Array[];
      const result = await pool.query<{ i: number; data: Buffer | null }>(blocksSql, [
        missing.map((i) => keys[i]?.termId),
        missing.map((i) => keys[i]?.firstSeq),
      ]);
      const empty = new Uint8Array(0);
      for (const i of missing) out[i] = empty;
      for (const row of result.rows) {
        const i = missing[row.i - 1] as number;
        const key = keys[i] as { termId: number; firstSeq: number };
        const data = row.data ?? empty;
        out[i] = data;
        blocks.set(key.termId * KEY_SCALE + key.firstSeq, data);
      }
      return out as Uint8Array[];
    }) satisfies FetchBlocks,
  };
}
