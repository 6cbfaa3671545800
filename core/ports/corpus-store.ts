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
 * What to search for: OR-ed groups of alternative phrases (a query word and its aliases), each phrase
 * plain lower-case words. A phrase matches where its words occur in a row (after the store's own
 * stemming); no character of it is query syntax.
 */
export type PhraseGroups = readonly (readonly string[])[];

/**
 * Storage of documents and passages, plus full-text search over passages.
 * Implemented in db/ (SQLite FTS5, PostgreSQL); core never sees SQL or a query language.
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
   * Passages ranked by BM25 for the OR of every phrase in `groups`, best first, at most `limit`
   * (score: higher is better). On a large corpus, phrases found in very many passages may be scored
   * only for passages that also match a rarer phrase (db/search/README.md states the approximation).
   */
  searchPassages(groups: PhraseGroups, limit: number): Promise<RetrievedPassage[]>;
  /** Passages by id, in the order given; unknown ids are skipped. Score is 0. */
  getPassages(ids: readonly string[]): Promise<RetrievedPassage[]>;
  /** Every passage, optionally only of documents ingested after `ingestedAfter` (ISO). Score is 0. */
  listPassages(options?: { ingestedAfter?: string }): Promise<RetrievedPassage[]>;
  passageCount(): Promise<number>;
  /**
   * Optional: one short slice of work that makes later searches cheaper (reading ahead what most searches need),
   * for idle time; true while some is left. Results never depend on it, only how long a search takes.
   */
  warmUp?(): Promise<boolean>;
}
