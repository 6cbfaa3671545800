import type { ConversationTurn } from '../ports/conversation-store.ts';

/** Turns looked back over for the conversation's subject: a chain of follow-ups stays on the last answer's story. */
const LOOK_BACK = 2;

/**
 * The documents the conversation is about: those the most recent turn that showed anything cited from. A follow-up
 * ("what reason did they give?") is most likely answered by the same articles; the answer model weighs this.
 */
export function focusDocuments(history: readonly ConversationTurn[]): ReadonlySet<string> {
  for (const turn of history.slice(-LOOK_BACK).reverse()) {
    if (turn.shownPassageIds.length === 0) continue;
    return new Set(turn.shownPassageIds.map((id) => id.slice(0, id.lastIndexOf(':'))));
  }
  return new Set();
}

/** The request the conversation was last about, as resolved ('' when none). */
export function previousRequest(history: readonly ConversationTurn[]): string {
  return [...history].reverse().find((t) => t.resolvedRequest.trim() !== '')?.resolvedRequest ?? '';
}
