import type { Citation, ReplyKind, ReplyStatus } from '../reply.ts';

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
}

/** Conversation memory, keyed by conversation id (`console:…`, `telegram:<chat>:<user>`, `discord:<channel>:<user>`). */
export interface ConversationStore {
  /** Turns of a conversation created at or after `since`, oldest first, at most `limit` (the newest ones). */
  recent(conversationId: string, since: Date, limit: number): Promise<ConversationTurn[]>;
  append(turn: ConversationTurn): Promise<void>;
  /** Deletes turns created before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}
