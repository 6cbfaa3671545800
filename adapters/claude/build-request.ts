import type {
  MessageCreateParamsNonStreaming,
  MessageParam,
  SearchResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { splitSentences } from '../../core/ingest/split-sentences.ts';
import type { ConversationTurn } from '../../core/ports/conversation-store.ts';
import type { EngineRequest } from '../../core/ports/engine.ts';
import { SYSTEM_PROMPT } from './prompt.ts';

/** Earlier turns sent along, newest kept: enough for follow-ups without paying for a whole session. */
const MAX_HISTORY_TURNS = 6;
const MAX_HISTORY_REPLY_CHARS = 1_500;

/** "<outlet>, <date> — <title>": what Claude reads as the search result's title and may use to attribute. */
export function searchResultTitle(passage: RetrievedPassage): string {
  const { outlet, publishedAt, title } = passage.document;
  return `${outlet ?? 'Unknown outlet'}, ${publishedAt ?? 'undated'} — ${title ?? passage.documentId}`;
}

/**
 * One passage as one search result, so a citation's search_result_index names exactly one passage. Its
 * content is one text block per sentence: Claude then cites sentences (start/end block index), not whole
 * passages, and readers get short quotes.
 */
export function toSearchResult(passage: RetrievedPassage): SearchResultBlockParam {
  const sentences = splitSentences(passage.text);
  return {
    type: 'search_result',
    source: passage.id,
    title: searchResultTitle(passage),
    content: (sentences.length > 0 ? sentences : [{ text: passage.text }]).map((s) => ({
      type: 'text' as const,
      text: s.text,
    })),
    citations: { enabled: true },
  };
}

/** The [n] markers of an earlier reply point at citations Claude never saw; they would only confuse it. */
function historyText(turn: ConversationTurn): string {
  const text = turn.replyText.replace(/\s*\[\d+\]/g, '').trim();
  if (text === '') return '(no reply)';
  return text.length > MAX_HISTORY_REPLY_CHARS ? `${text.slice(0, MAX_HISTORY_REPLY_CHARS)}…` : text;
}

function historyRequest(turn: ConversationTurn): string {
  if (turn.request.trim() !== '') return turn.request;
  return turn.kind === 'briefing' ? 'Brief me on the latest news.' : '(no question)';
}

/** Earlier turns as alternating user/assistant messages (plain text: only the current turn carries passages). */
function historyMessages(history: readonly ConversationTurn[]): MessageParam[] {
  return history.slice(-MAX_HISTORY_TURNS).flatMap((turn): MessageParam[] => [
    { role: 'user', content: historyRequest(turn) },
    { role: 'assistant', content: historyText(turn) },
  ]);
}

/** The instruction that follows the passages in the final user message. */
export function taskText(request: EngineRequest): string {
  if (request.kind === 'briefing') {
    const topic = request.topic?.trim();
    return topic
      ? `Task: a briefing on this topic, from the search results above: ${topic}`
      : 'Task: a briefing on the most important developments in the search results above.';
  }
  const question = request.question?.trim() ?? '';
  const resolved = request.resolvedQuestion?.trim();
  const lines = [`Task: answer this question from the search results above: ${question}`];
  if (resolved && resolved !== question) lines.push(`In this conversation the question means: ${resolved}`);
  return lines.join('\n');
}

export interface RequestSettings {
  model: string;
  maxTokens: number;
}

/**
 * The Messages API request for one briefing or answer: the fixed system prompt, earlier turns, then the
 * retrieved passages as search results (citations on for all of them) followed by the task. No structured
 * output: it cannot be combined with citations.
 */
export function buildMessagesRequest(
  request: EngineRequest,
  settings: RequestSettings,
): MessageCreateParamsNonStreaming {
  return {
    model: settings.model,
    max_tokens: settings.maxTokens,
    system: SYSTEM_PROMPT,
    messages: [
      ...historyMessages(request.history),
      {
        role: 'user',
        content: [...request.passages.map(toSearchResult), { type: 'text', text: taskText(request) }],
      },
    ],
  };
}
