import type pg from 'pg';
import type { SearchTuning } from '../search/common-words.ts';
import { decodeEntries } from './pg-blocks.ts';
import { entriesAt } from './pg-candidates.ts';
import type { FetchLists, ListEntries } from './pg-list-cache.ts';
import { countPhrase, type ListSpec } from './pg-search-plan.ts';
import { termListsSql } from './pg-search-sql.ts';

/** A term's postings past `after`, read with the vocabulary (pg-search-sql.ts, queryListsSql). */
export interface Prefetched {
  after: number;
  data: Buffer | null;
}

/** Passages holding all of a phrase's words past which the phrase is counted only in the best candidates. */
const MAX_PHRASE_TEXTS = 10_000;
/** Most passages of a phrase's rarest term looked up in the other terms' blocks (else their lists are read). */
const PROBED_PASSAGES = 5_000;

/**
 * Reads lists from posting_blocks for the list cache (pg-list-cache.ts): a term's postings, or a phrase's
 * passages (those holding all its terms, counted in their text unless there are too many).
 */
export function createListReader(pool: pg.Pool, tuning: SearchTuning) {
  /** The postings of terms past a seq each, in one statement. */
  async function termLists(ids: readonly number[], after: readonly number[]): Promise<Map<number, ListEntries>> {
    // Packed bytes (hex on the wire: pg's per-query binary mode mangles bytes past 0x7f).
    const result = await pool.query<{ id: number; data: Buffer | null }>({
      name: 'attache-term-lists',
      text: termListsSql,
      values: [ids, after],
    });
    const since = new Map(ids.map((id, i) => [id, after[i] ?? 0]));
    return new Map(result.rows.map((row) => [row.id, decodeEntries(row.data, since.get(row.id) ?? 0)]));
  }

  /**
   * The passages past `after` holding every one of a phrase's terms (ids rarest first), with tf 0 (not
   * counted yet): the rarest term's list, narrowed by the blocks of the others that hold its passages (or by
   * their whole lists, when it is long).
   */
  async function phraseMembers(ids: readonly number[], after: number): Promise<ListEntries> {
    const [rarest, ...others] = ids;
    let members = (await termLists([rarest ?? 0], [after])).get(rarest ?? 0) ?? decodeEntries(null);
    if (others.length === 0 || members.seqs.length === 0) return members;
    const found =
      members.seqs.length <= PROBED_PASSAGES
        ? await entriesAt(pool, others, members.seqs)
        : await termLists(
            others,
            others.map(() => after),
          );
    for (const id of others) members = intersect(members, found.get(id) ?? decodeEntries(null));
    return { ...members, tfs: new Uint16Array(members.seqs.length) };
  }

  /**
   * Reads stale lists: a term's from `prefetched` (by id: its bytes past a seq, read with the vocabulary) when
   * they start where the cache asks, else all such terms' in one statement; each phrase's in one or two more.
   */
  function fetcher(specs: ReadonlyMap<string, ListSpec>, prefetched: ReadonlyMap<number, Prefetched>): FetchLists {
    return async (stale) => {
      const out = new Map<string, ListEntries>();
      const terms = stale.filter(({ key, after }) => {
        if (!key.startsWith('t')) return false;
        const got = prefetched.get(Number(key.slice(1)));
        if (!got || got.after !== after) return true;
        out.set(key, decodeEntries(got.data, after));
        return false;
      });
      if (terms.length > 0) {
        const lists = await termLists(
          terms.map(({ key }) => Number(key.slice(1))),
          terms.map(({ after }) => after),
        );
        for (const [id, entries] of lists) out.set(`t${id}`, entries);
      }
      for (const { key, after } of stale) {
        const spec = key.startsWith('p') ? specs.get(key) : undefined;
        if (!spec) continue;
        const members = await phraseMembers(spec.ids, after);
        if (members.seqs.length > (tuning.phraseTexts ?? MAX_PHRASE_TEXTS)) {
          out.set(key, members); // counted in the best candidates' text only (tf 0: not counted)
          continue;
        }
        const texts = await pool.query<{ seq: number; length: number; text: string }>(
          'SELECT seq, length, text FROM passages WHERE seq = ANY($1::int[]) ORDER BY seq',
          [[...members.seqs]],
        );
        out.set(key, countPhrase(spec.terms, texts.rows));
      }
      return out;
    };
  }

  return { fetcher };
}

/** The entries of `a` whose passages are also in `b` (both ascending). */
function intersect(a: ListEntries, b: ListEntries): ListEntries {
  const keep: number[] = [];
  let j = 0;
  for (let i = 0; i < a.seqs.length; i++) {
    const seq = a.seqs[i] as number;
    while (j < b.seqs.length && (b.seqs[j] as number) < seq) j++;
    if (j < b.seqs.length && b.seqs[j] === seq) keep.push(i);
  }
  return {
    seqs: Int32Array.from(keep, (i) => a.seqs[i] as number),
    tfs: Uint16Array.from(keep, (i) => a.tfs[i] as number),
    lengths: Uint32Array.from(keep, (i) => a.lengths[i] as number),
  };
}
