import type { DocumentMeta, DocumentRecord, DocumentSummary, PassageSpan, RetrievedPassage } from '../corpus.ts';

export interface NewDocument extends DocumentMeta {
  articleText: string;
  contentHash: string;
  sourcePath: string | null;
}

export type SaveOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Storage of documents and passages, plus full-text search over passages.
 * Implemented in db/ on SQLite FTS5; core never sees SQL.
 */
export interface CorpusStore {
  /** The stored content hash of a document, or null when it is not stored. */
  contentHash(documentId: string): string | null;
  /**
   * Inserts or replaces a document with all of its passages in one transaction.
   * Returns 'unchanged' without writing when the content hash is the same.
   */
  saveDocument(document: NewDocument, passages: PassageSpan[]): SaveOutcome;
  listDocuments(): DocumentSummary[];
  getDocument(id: string): DocumentRecord | null;
  /**
   * Runs an FTS5 MATCH expression (built by core/retrieval, never raw user text)
   * and returns passages ranked by BM25, best first, with score = -bm25 (higher is better).
   */
  searchPassages(matchExpression: string, limit: number): RetrievedPassage[];
  /** Passages by id, in the order given; unknown ids are skipped. Score is 0. */
  getPassages(ids: readonly string[]): RetrievedPassage[];
  /** Every passage, optionally only of documents ingested after `ingestedAfter` (ISO). Score is 0. */
  listPassages(options?: { ingestedAfter?: string }): RetrievedPassage[];
  passageCount(): number;
}
