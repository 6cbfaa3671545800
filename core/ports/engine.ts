import type { RetrievedPassage } from '../corpus.ts';
import type { EngineName, ReplyKind, ReplyStatus } from '../reply.ts';
import type { ConversationTurn } from './conversation-store.ts';

/** A claimed source of one block: a passage and the verbatim span of it that supports the block. */
export interface DraftCitation {
  passageId: string;
  quote: string;
}

/** One claim of a draft, in plain text without [n] markers (core numbers citations). */
export interface DraftBlock {
  text: string;
  citations: DraftCitation[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  model: string;
}

/** What an engine returns; core verifies it against the retrieved passages and builds the Reply. */
export interface EngineDraft {
  engine: EngineName;
  status: ReplyStatus;
  title: string;
  blocks: DraftBlock[];
  note?: string;
  usage?: TokenUsage;
}

export interface EngineRequest {
  kind: ReplyKind;
  /** The user's question as typed (answers). */
  question?: string;
  /** The question with pronouns and ellipsis resolved from the conversation. */
  resolvedQuestion?: string;
  /** The briefing topic, if any. */
  topic?: string;
  /** The only passages the engine may cite, best first. */
  passages: RetrievedPassage[];
  /** Earlier turns of this conversation, oldest first. */
  history: ConversationTurn[];
  /**
   * Documents of the story a follow-up continues (those cited earlier and those telling the same story); engines
   * may prefer them. Absent: the documents the conversation's last answer cited.
   */
  focus?: readonly string[];
}

/** Writes a briefing or an answer from retrieved passages. */
export interface Engine {
  readonly name: EngineName;
  /** The model or weights file the engine uses (for `/why`); absent for rule-based engines. */
  readonly model?: string;
  compose(request: EngineRequest): Promise<EngineDraft>;
}
