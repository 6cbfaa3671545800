import type { AttacheApi } from './api.ts';
import { validateUserText } from './input.ts';
import type { Clock } from './ports/clock.ts';
import type { ConversationStore } from './ports/conversation-store.ts';
import type { CorpusStore } from './ports/corpus-store.ts';
import type { Engine } from './ports/engine.ts';
import type { Logger } from './ports/logger.ts';
import type { Reply } from './reply.ts';
import { searchPassages } from './retrieval/search-passages.ts';

export interface AttacheDeps {
  corpus: CorpusStore;
  conversations: ConversationStore;
  /** The configured engine (extractive or Claude). */
  engine: Engine;
  /** Answers when the primary engine fails or its draft fails verification. */
  fallbackEngine: Engine;
  clock: Clock;
  logger: Logger;
}

/**
 * PLACEHOLDER (replaced by the briefing/answer engine issue): shows the top
 * passages for a question, each cited to itself.
 */
export function createAttache(deps: AttacheDeps): AttacheApi {
  const passagesReply = (kind: Reply['kind'], text: string): Reply => {
    const { passages } = searchPassages(deps.corpus, text, 3);
    const citations = passages.map((p, i) => ({
      n: i + 1,
      documentId: p.documentId,
      passageId: p.id,
      quote: p.text,
      outlet: p.document.outlet,
      title: p.document.title,
      publishedAt: p.document.publishedAt,
      url: p.document.url,
    }));
    const blocks = citations.map((c) => ({ text: `"${c.quote}" [${c.n}]`, citations: [c.n] }));
    return {
      kind,
      status: blocks.length > 0 ? 'answered' : 'refused',
      title: text,
      text: blocks.map((b) => b.text).join('\n'),
      blocks,
      citations,
      engine: 'extractive',
      asOf: citations.map((c) => c.publishedAt ?? '').sort().at(-1) || null,
    };
  };
  return {
    brief: async ({ topic }) => passagesReply('briefing', topic ? validateUserText(topic, 'topic') : 'Russia US talks'),
    ask: async ({ question }) => passagesReply('answer', validateUserText(question)),
    more: async () => passagesReply('answer', 'talks'),
    sources: () => deps.corpus.listDocuments(),
    lastCitations: () => [],
    search: (text, limit) => searchPassages(deps.corpus, text, limit),
  };
}
