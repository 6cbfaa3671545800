import type { ConversationTurn } from '../ports/conversation-store.ts';
import type { EngineRequest } from '../ports/engine.ts';

/** Turns looked back over for the conversation's subject: a chain of follow-ups stays on the last answer's story. */
const LOOK_BACK = 2;
/** Passages of a turn that cited nothing whose documents still tell what the conversation is about. */
const TOP_RETRIEVED = 3;
const documentOf = (id: string) => id.slice(0, id.lastIndexOf(':'));

/**
 * The documents the conversation is about: those the most recent turn that showed anything cited from, else those
 * the last turn retrieved first. A follow-up ("what reason did they give?") is most likely answered by the same
 * articles; the answer model weighs this.
 */
export function focusDocuments(history: readonly ConversationTurn[]): ReadonlySet<string> {
  const recent = history.slice(-LOOK_BACK).reverse();
  const shown = recent.find((t) => t.shownPassageIds.length > 0);
  if (shown) return new Set(shown.shownPassageIds.map(documentOf));
  // Nothing shown lately: the articles the last question found best are still what the conversation is about.
  return new Set((recent[0]?.retrieval?.passages ?? []).slice(0, TOP_RETRIEVED).map((p) => p.documentId));
}

/** The request the conversation was last about, as resolved ('' when none). */
export function previousRequest(history: readonly ConversationTurn[]): string {
  return [...history].reverse().find((t) => t.resolvedRequest.trim() !== '')?.resolvedRequest ?? '';
}

/** The documents a request's answer should prefer: the story a follow-up continues, else the last answer's. */
export function requestFocus(request: Pick<EngineRequest, 'history' | 'focus'>): ReadonlySet<string> {
  return request.focus ? new Set(request.focus) : focusDocuments(request.history ?? []);
}
