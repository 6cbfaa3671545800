/** Domain types of the corpus: documents and their passages. */

export interface DocumentMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

export interface DocumentRecord extends DocumentMeta {
  articleText: string;
  contentHash: string;
  sourcePath: string | null;
  ingestedAt: string;
}

export interface DocumentSummary extends DocumentMeta {
  passages: number;
  ingestedAt: string;
}

/** A passage as produced by the splitter: a span of the article text. */
export interface PassageSpan {
  ordinal: number;
  /** Character offsets into the article text: articleText.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
}

export interface Passage extends PassageSpan {
  /** Stable id: `${documentId}:${ordinal}`. */
  id: string;
  documentId: string;
}

/** A passage returned by retrieval, with its document's metadata and a score (higher is better). */
export interface RetrievedPassage extends Passage {
  score: number;
  document: DocumentMeta;
  /**
   * Set when a wider pass found it after the ordinary hits (retrieval's same-story pass): a candidate answer, but
   * no evidence of how well the corpus covers the question (an engine judges that on the ordinary hits).
   */
  wider?: true;
}

export function passageId(documentId: string, ordinal: number): string {
  return `${documentId}:${ordinal}`;
}
