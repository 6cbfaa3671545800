import type { DocumentMeta, DocumentRecord, DocumentSummary, PassageSpan, RetrievedPassage } from '../corpus.ts';

export interface NewDocument extends DocumentMeta {
  articleText: string;
  contentHash: string;
  sourcePath: string | null;
}

export type SaveOutcome = 'inserted' | 'updated' | 'unchanged';

/** A document with its passages, ready to save. */
export interface DocumentToSave {
  document: NewDocument;
  passages: PassageSpan[];
}

/**
 * Search terms as OR-ed groups of alternative phrases (a query word and its aliases), lower-case
 * plain text: the store quotes every phrase, so no character of it is FTS5 syntax.
 */
export type PhraseGroups = readonly (readonly string[])[];

/** Tuning of rankPassages on large corpora; the defaults suit the app. */
export interface RankOptions {
  /**
   * Matches a query may have and still be ranked by one FTS5 query, and the number of passages above
   * which a phrase counts as common (default: the larger of 2,000 and 2% of the passages).
   */
  commonThreshold?: number;
  /** Rows kept for recounting when the query has phrases of several words (default 30, at least the limit). */
  candidates?: number;
}

/**
 * Storage of documents and passages, plus full-text search over passages.
 * Implemented in db/ on SQLite FTS5; core never sees SQL.
 */
export interface CorpusStore {
  /** The stored content hash of a document, or null when it is not stored. */
  contentHash(documentId: string): Promise<string | null>;
  /**
   * Inserts or replaces a document with all of its passages in one transaction.
   * Returns 'unchanged' without writing when the content hash is the same.
   */
  saveDocument(document: NewDocument, passages: PassageSpan[]): Promise<SaveOutcome>;
  /**
   * Saves documents in one transaction: all are written or none. Each gets the outcome saveDocument
   * would give it in turn ('unchanged' when its content hash is already stored, or came earlier in the batch).
   */
  saveDocuments(batch: readonly DocumentToSave[]): Promise<SaveOutcome[]>;
  /**
   * Deletes documents and their passages (which leave the full-text index) in one transaction.
   * Returns the ids that were stored and are now gone; unknown ids are skipped.
   */
  removeDocuments(ids: readonly string[]): Promise<string[]>;
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /**
   * Runs an FTS5 MATCH expression (built by core/retrieval, never raw user text)
   * and returns passages ranked by BM25, best first, with score = -bm25 (higher is better).
   */
  searchPassages(matchExpression: string, limit: number): Promise<RetrievedPassage[]>;
  /**
   * Passages ranked by BM25 for the OR of every phrase in `groups` (score = -bm25, as searchPassages gives
   * for the same expression). The same as searchPassages while the phrases match few passages; past that,
   * scored from cached occurrence lists with FTS5's statistics, where common words may be counted only
   * for passages that match rarer ones (so a passage matching nothing but common words can be missed).
   */
  rankPassages(groups: PhraseGroups, limit: number, options?: RankOptions): Promise<RetrievedPassage[]>;
  /** Passages by id, in the order given; unknown ids are skipped. Score is 0. */
  getPassages(ids: readonly string[]): Promise<RetrievedPassage[]>;
  /** Every passage, optionally only of documents ingested after `ingestedAfter` (ISO). Score is 0. */
  listPassages(options?: { ingestedAfter?: string }): Promise<RetrievedPassage[]>;
  passageCount(): Promise<number>;
}
