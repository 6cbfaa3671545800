import type { RetrievedPassage } from '../corpus.ts';
import { analyzePassage } from '../entities/analyze-text.ts';
import { buildLexicon } from '../entities/lexicon.ts';
import type { ConversationTurn, RetrievalRecord } from '../ports/conversation-store.ts';
import type { Reply } from '../reply.ts';

/** Next-ranked passages remembered for "more". */
const MAX_PENDING = 40;

/**
 * The turn to remember for a reply: the passages it showed, the ranked ones it did not (for
 * "more"), and the people, places and organisations of the request and the cited text.
 */
export function turnRecord(
  input: {
    conversationId: string;
    request: string;
    resolvedRequest: string;
    passages: readonly RetrievedPassage[];
    /** What `/why` will report about this reply. */
    retrieval?: RetrievalRecord;
  },
  reply: Reply,
  alreadyShown: readonly string[] = [],
): Omit<ConversationTurn, 'createdAt'> {
  const cited = new Set(reply.citations.map((c) => c.passageId));
  const shown = [...new Set([...alreadyShown, ...cited])];
  const pending =
    reply.status === 'refused'
      ? []
      : input.passages
          .filter((p) => !shown.includes(p.id))
          .map((p) => p.id)
          .slice(0, MAX_PENDING);
  const lexiconPassages = input.passages.filter((p) => cited.has(p.id) || input.passages.indexOf(p) < 5);
  const lexicon = buildLexicon(lexiconPassages.map((p) => analyzePassage(p)));
  const entities: string[] = [];
  for (const text of [input.resolvedRequest, ...reply.citations.map((c) => c.quote)]) {
    for (const m of lexicon.find(text)) {
      if (m.entity.kind !== 'other' && !entities.includes(m.entity.name)) entities.push(m.entity.name);
    }
  }
  return {
    conversationId: input.conversationId,
    kind: reply.kind,
    request: input.request,
    resolvedRequest: input.resolvedRequest,
    status: reply.status,
    replyText: reply.text,
    entities,
    shownPassageIds: shown,
    pendingPassageIds: pending,
    citations: reply.citations,
    ...(input.retrieval ? { retrieval: input.retrieval } : {}),
  };
}
