import type { Citation, EngineName, ReplyKind, ReplyStatus } from '../reply.ts';

/** A passage the engine was given for a reply, as `/why` reports it. */
export interface RetrievedRecord {
  /** 1-based position in what the engine was given (best first). */
  rank: number;
  passageId: string;
  documentId: string;
  outlet: string | null;
  /** Retrieval score (-BM25, higher is better); 0 for passages added as context or listed without ranking. */
  score: number;
  cited: boolean;
  /** Why an uncited passage was not used. */
  reason?: string;
}

/** What `/why` explains about a reply: what was retrieved, which engine wrote it, and the corpus it drew on. */
export interface RetrievalRecord {
  passages: RetrievedRecord[];
  /** Passages the engine was given in all (the list above may be capped). */
  retrieved: number;
  engine: EngineName;
  /** The model or weights the engine used, or null for rule-based engines. */
  model: string | null;
  corpus: { documents: number; passages: number };
}

/** One remembered exchange: what was asked and which passages and entities the reply used. */
export interface ConversationTurn {
  conversationId: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: ReplyKind;
  /** The question or briefing topic as the user typed it ('' for an untitled briefing). */
  request: string;
  /** The request after follow-up resolution. */
  resolvedRequest: string;
  status: ReplyStatus;
  /** Plain text of the reply. */
  replyText: string;
  /** Named entities the request and reply used (people, places, organisations). */
  entities: string[];
  /** Passages shown in the reply. */
  shownPassageIds: string[];
  /** Next-ranked passages not yet shown, for "more". */
  pendingPassageIds: string[];
  /** The reply's citations, for a "Sources" button (absent on turns stored without them). */
  citations?: Citation[];
  /** What was retrieved and which engine answered, for `/why` (absent on turns stored without it). */
  retrieval?: RetrievalRecord;
}

/** Conversation memory, keyed by conversation id (opaque; made by the platform adapter, e.g. PlatformAdapter.conversationId). */
export interface ConversationStore {
  /** Turns of a conversation created at or after `since`, oldest first, at most `limit` (the newest ones). */
  recent(conversationId: string, since: Date, limit: number): Promise<ConversationTurn[]>;
  append(turn: ConversationTurn): Promise<void>;
  /** Deletes turns created before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}
