/**
 * The neutral Reply every core operation returns; adapters only render it.
 * Shape fixed by ../shared/CONTRACTS.md ("The Reply").
 */
export type ReplyKind = 'briefing' | 'answer';

/** answered: the corpus answers it; partial: related but incomplete; refused: nothing supports it. */
export type ReplyStatus = 'answered' | 'partial' | 'refused';

export type EngineName = 'extractive' | 'claude';

/** Who stands behind a cited sentence. */
export type AttributionKind = 'on-record' | 'anonymous' | 'agency' | 'analysis';

/**
 * on-record: a named person or body says it; anonymous: unnamed sources ("officials said");
 * agency: the outlet reports it in its own voice; analysis: commentary, opinion, expert view.
 */
export interface Attribution {
  kind: AttributionKind;
  /** The named person or body, when there is one. */
  speaker?: string;
}

/** One version of a disputed value and the citations that give it. */
export interface DisagreementValue {
  /** The value as written, with the outlets that give it, e.g. "about 100,000 (Reuters, AP)". */
  text: string;
  citations: number[];
}

/** Outlets giving different values for the same thing (a count, a date, a duration, a speaker). */
export interface Disagreement {
  /** What the values are of, e.g. "troops" or "date of the talks". */
  about: string;
  values: DisagreementValue[];
}

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
  /** Who stands behind the quote (absent on replies stored before it was added). */
  attribution?: Attribution;
  /** True when the document was removed from the corpus after this reply cited it (set when shown again). */
  removed?: boolean;
  /**
   * True when the article was edited after this reply cited it and no longer contains the quote (set when shown
   * again): the quote is then the verbatim text of the version that was cited, kept with the reply.
   */
  edited?: boolean;
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
  /**
   * Plain-text rendering of the whole reply, with [n] markers, made by core from the other fields
   * (`renderText`). For people and logs reading the JSON; renderers build from the parts, never from this.
   */
  text: string;
  blocks: Block[];
  citations: Citation[];
  engine: EngineName;
  /** Newest publication date among the cited sources (YYYY-MM-DD), or null. */
  asOf: string | null;
  /**
   * Why the reply holds less than asked: refused or partial, why the sources do not answer (in full); a
   * digest with nothing new, that. Renderers show it once; it is never repeated in `note` or `blocks`.
   */
  reason?: string;
  /** Refused: what the corpus does cover, so the reader can ask something it answers. */
  coverage?: string;
  /** Remarks beyond the reason, e.g. that a fallback engine answered, or a digest's footer lines. */
  note?: string;
  /** Values the cited or retrieved passages give differently (absent when they agree). */
  disagreements?: Disagreement[];
}

/** What an input error looks like on the wire (`{"error":{...}}`). */
export interface ErrorReply {
  error: { code: string; message: string };
}
