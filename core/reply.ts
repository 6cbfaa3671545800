/**
 * The neutral Reply every core operation returns; adapters only render it.
 * Shape fixed by ../shared/CONTRACTS.md ("The Reply").
 */
export type ReplyKind = 'briefing' | 'answer';

/** answered: the corpus answers it; partial: related but incomplete; refused: nothing supports it. */
export type ReplyStatus = 'answered' | 'partial' | 'refused';

export type EngineName = 'extractive' | 'claude';

export interface Citation {
  /** 1-based marker number used as [n] in `text` and `blocks[].text`. */
  n: number;
  documentId: string;
  passageId: string;
  /** Verbatim span of the document's article text (whitespace aside). */
  quote: string;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
  /** True when the document was removed from the corpus after this reply cited it (set when shown again). */
  removed?: boolean;
}

export interface Block {
  /** Plain text with [n] markers. */
  text: string;
  /** Citation numbers (`Citation.n`) supporting this block. */
  citations: number[];
}

export interface Reply {
  kind: ReplyKind;
  status: ReplyStatus;
  title: string;
  /** Plain-text rendering of the whole reply, with [n] markers. */
  text: string;
  blocks: Block[];
  citations: Citation[];
  engine: EngineName;
  /** Newest publication date among the cited sources (YYYY-MM-DD), or null. */
  asOf: string | null;
  /** Short remark for the reader, e.g. why the reply is partial or that a fallback engine answered. */
  note?: string;
}

/** What an input error looks like on the wire (`{"error":{...}}`). */
export interface ErrorReply {
  error: { code: string; message: string };
}
