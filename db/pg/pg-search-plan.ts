import type { PhraseGroups } from '../../core/ports/corpus-store.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import type { ListEntries } from './pg-list-cache.ts';

/** A term of the stored vocabulary: its id and the passages it occurs in. */
export interface VocabularyEntry {
  id: number;
  n: number;
}

/** One distinct phrase of a query, every term of it found in the corpus. */
export interface ListSpec {
  /** Cache key: `t<id>` for one term, `p<id>,<id>…` (rarest first) for a phrase of several. */
  key: string;
  /** Its FTS5 terms, in order. */
  terms: string[];
  /** Ids of its distinct terms, rarest first. */
  ids: number[];
  /** Query phrases with these terms (FTS5 counts a phrase given twice, or two that stem alike, twice). */
  copies: number;
}

/** A list with its weight, as scoring takes it. */
export interface PgList {
  spec: ListSpec;
  /** IDF times copies. */
  weight: number;
  /** Passages it occurs in. */
  documents: number;
  common: boolean;
}

/** bm25()'s IDF as FTS5 computes it: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6. */
export function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

/** How often the phrase (a run of terms) occurs in a passage's terms. */
export function phraseOccurrences(terms: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  outer: for (let i = 0; i <= terms.length - phrase.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    count++;
  }
  return count;
}

/**
 * The distinct phrases of a query by their terms (`vocabulary`: the query's terms found in the corpus);
 * a phrase with a term found nowhere matches nothing and is left out.
 */
export function distinctLists(groups: PhraseGroups, vocabulary: ReadonlyMap<string, VocabularyEntry>): ListSpec[] {
  const specs = new Map<string, ListSpec>();
  for (const phrase of groups.flat()) {
    const terms = fts5Terms(phrase);
    if (terms.length === 0) continue;
    const entries = [...new Set(terms)].map((term) => vocabulary.get(term));
    if (entries.some((entry) => entry === undefined)) continue;
    const ids = (entries as VocabularyEntry[]).sort((a, b) => a.n - b.n || a.id - b.id).map((entry) => entry.id);
    const key = terms.length === 1 ? `t${ids[0]}` : `p${terms.map((term) => vocabulary.get(term)?.id).join(',')}`;
    const seen = specs.get(key);
    if (seen) seen.copies++;
    else specs.set(key, { key, terms, ids, copies: 1 });
  }
  return [...specs.values()];
}

/**
 * Each list's weight: IDF of the passages it occurs in (`documents`: a term's stored count, a phrase's list
 * length) times its copies. Lists found nowhere are left out (they add nothing to any score, and their IDF
 * would make a large, useless bound).
 */
export function weighLists(
  specs: readonly ListSpec[],
  documentsOf: (spec: ListSpec) => number,
  rows: number,
  threshold: number,
): PgList[] {
  return specs.flatMap((spec) => {
    const documents = documentsOf(spec);
    if (documents === 0) return [];
    return [{ spec, weight: idf(rows, documents) * spec.copies, documents, common: documents > threshold }];
  });
}

/**
 * A phrase's list from the passages holding all its terms: each passage's FTS5 terms (only words that may
 * be phrase terms are stemmed), the phrase counted in them, passages where its terms never run in order
 * left out. Exact, as FTS5's phrase query, so the list is scored like a term's.
 */
export function countPhrase(
  phrase: readonly string[],
  rows: readonly { seq: number; length: number; text: string }[],
): ListEntries {
  const initials = new Set(phrase.map((term) => term[0] ?? ''));
  const seqs: number[] = [];
  const tfs: number[] = [];
  const lengths: number[] = [];
  for (const row of rows) {
    const tf = phraseOccurrences(fts5Terms(row.text, initials), phrase);
    if (tf === 0) continue;
    seqs.push(row.seq);
    tfs.push(Math.min(tf, 0xffff));
    lengths.push(row.length);
  }
  return { seqs: Int32Array.from(seqs), tfs: Uint16Array.from(tfs), lengths: Uint32Array.from(lengths) };
}
