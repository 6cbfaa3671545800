import { annotateReply } from './analysis/annotate-reply.ts';
import { buildTimeline } from './analysis/timeline.ts';
import { retrievalRecord, whyReport } from './analysis/why.ts';
import type { AttacheApi } from './api.ts';
import { buildReply } from './compose/build-reply.ts';
import { focusDocuments, previousRequest } from './conversation/focus.ts';
import { createMemory } from './conversation/memory.ts';
import { asksForMore, mayBeFollowUp, resolveFollowUp } from './conversation/resolve-follow-up.ts';
import { namesNothingNew, preferStory, threadDocuments } from './conversation/thread.ts';
import type { RetrievedPassage } from './corpus.ts';
import { analyzePassage } from './entities/analyze-text.ts';
import { buildLexicon } from './entities/lexicon.ts';
import { InputError } from './errors.ts';
import { validateUserText } from './input.ts';
import { containsVerbatim } from './language/quotes.ts';
import { cleanQuestion } from './pipeline/clean-question.ts';
import { createProfileCache } from './pipeline/corpus-profile.ts';
import { refusalReply, safeTitle } from './pipeline/replies.ts';
import { briefingPassages, CANDIDATES, interleave, retrieve } from './pipeline/retrieve.ts';
import { composeVerified } from './pipeline/run-engine.ts';
import { turnRecord } from './pipeline/turn-record.ts';
import { notShownBefore } from './pipeline/without-repeats.ts';
import type { Clock } from './ports/clock.ts';
import type { ConversationStore, ConversationTurn } from './ports/conversation-store.ts';
import type { CorpusStore } from './ports/corpus-store.ts';
import type { DraftBlock, Engine, EngineRequest } from './ports/engine.ts';
import type { Logger } from './ports/logger.ts';
import type { UsageStore } from './ports/usage-store.ts';
import type { Reply, ReplyKind } from './reply.ts';
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
  /** Token accounting; the usage an engine reports is recorded here when given. */
  usage?: UsageStore;
}

function conversationId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new InputError('bad_conversation', 'The conversation id must be a non-empty text of at most 200 characters.');
  }
  return value;
}

function instant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw new InputError('bad_time', `"${value}" is not an ISO-8601 time.`);
  return new Date(value).toISOString();
}

/**
 * The core: retrieves passages, asks the engine for a draft, verifies every citation against the
 * retrieved passages (falling back to the extractive engine when needed), builds the Reply and
 * remembers the turn so follow-ups and "more" can refer to it.
 */
export function createAttache(deps: AttacheDeps): AttacheApi {
  const { corpus } = deps;
  const memory = createMemory(deps.conversations, deps.clock);
  const profile = createProfileCache(corpus, deps.clock);

  /** Runs the engine on the passages and turns its verified draft into a Reply. */
  async function respond(
    request: EngineRequest,
    title: string,
    empty: string,
    keep: (block: DraftBlock) => boolean = () => true,
  ): Promise<Reply> {
    if (request.passages.length === 0)
      return refusalReply(request.kind, deps.engine.name, empty, (await profile()).summary);
    const verified = await composeVerified(deps, request);
    const outcome = { ...verified, blocks: verified.blocks.filter(keep) };
    if (outcome.blocks.length === 0) {
      const reason = verified.blocks.length > 0 ? empty : (outcome.note ?? empty);
      return refusalReply(request.kind, outcome.engine, reason, (await profile()).summary);
    }
    const passages = new Map(request.passages.map((p) => [p.id, p]));
    const heading = request.kind === 'answer' ? title : safeTitle(outcome.title, title);
    const reply = buildReply({ ...outcome, kind: request.kind, title: heading }, passages);
    return annotateReply(reply, request.passages, { question: request.resolvedQuestion ?? request.question });
  }

  /**
   * Resolves a follow-up with a lexicon of what the conversation showed, where its people are
   * named in full, and what the question itself retrieved (a new name: "and NATO?").
   */
  async function resolve(
    question: string,
    history: readonly ConversationTurn[],
    hits: readonly RetrievedPassage[],
  ): Promise<string> {
    const recent = history.slice(-2);
    // A turn that showed nothing still names the conversation's subject in what it retrieved.
    const seen = recent.flatMap((t) =>
      t.shownPassageIds.length > 0
        ? t.shownPassageIds
        : (t.retrieval?.passages ?? []).slice(0, 5).map((p) => p.passageId),
    );
    const shown = await corpus.getPassages([...new Set(seen)].slice(0, 16));
    const named = await retrieve(corpus, recent.flatMap((t) => t.entities.slice(0, 4)).join(' '), 8);
    const passages = [...shown, ...named, ...hits.slice(0, 10)];
    return resolveFollowUp(question, history, buildLexicon(passages.map((p) => analyzePassage(p))));
  }

  async function remember(
    conversation: string,
    kind: ReplyKind,
    texts: [string, string],
    passages: RetrievedPassage[],
    reply: Reply,
    shown?: string[],
  ) {
    const [request, resolvedRequest] = texts;
    const engine = reply.engine === deps.engine.name ? deps.engine : deps.fallbackEngine;
    const corpusSize = { documents: (await profile()).documents, passages: await corpus.passageCount() };
    const retrieval = retrievalRecord(passages, reply, engine.model ?? null, corpusSize);
    await memory.remember(
      turnRecord(
        { conversationId: conversation, request, resolvedRequest, passages, retrieval },
        { ...reply, kind },
        shown,
      ),
    );
  }

  return {
    async brief(input) {
      const topic = input.topic === undefined ? undefined : validateUserText(input.topic, 'topic');
      const conversation = conversationId(input.conversation);
      const ingestedAfter = instant(input.ingestedAfter);
      const history = await memory.recent(conversation);
      const passages = await briefingPassages(corpus, { topic, ingestedAfter, profile });
      const empty = ingestedAfter
        ? 'Nothing has been added to the sources since the last digest.'
        : topic
          ? 'The sources say nothing about this topic.'
          : 'The corpus is empty.';
      const request: EngineRequest = { kind: 'briefing', passages, history, ...(topic ? { topic } : {}) };
      const reply = await respond(request, topic ? safeTitle(topic, 'Briefing') : 'Briefing', empty);
      await remember(conversation, 'briefing', [topic ?? '', topic ?? ''], passages, reply);
      return reply;
    },

    async ask(input) {
      const question = validateUserText(input.question);
      const conversation = conversationId(input.conversation);
      const history = await memory.recent(conversation);
      const asked = cleanQuestion(question);
      const hits = await retrieve(corpus, asked, CANDIDATES.answer);
      // A question leans on the conversation when it points back (a pronoun, "and …?") or names nothing new.
      const followUp = history.length > 0 && (mayBeFollowUp(asked) || namesNothingNew(asked, history));
      const resolved = followUp ? await resolve(asked, history, hits) : asked;
      let passages = resolved === asked ? hits : await retrieve(corpus, resolved, CANDIDATES.answer);
      let focus: string[] | undefined;
      if (followUp) {
        // A follow-up continues the conversation's story: also search with the previous question, so "what reason
        // did they give?" finds the story's reason and not any reason anyone gave; the story's passages go first and
        // the engine prefers them (the others stay: they tell the engine which of the story's words are rare).
        const story = await threadDocuments(corpus, history);
        const topical = await retrieve(corpus, `${resolved} ${previousRequest(history)}`, CANDIDATES.answer);
        passages = preferStory(interleave(passages, topical, passages.length + CANDIDATES.followUpExtra), story);
        focus = [...new Set([...focusDocuments(history), ...story])];
      }
      const more = history.length > 0 && asksForMore(asked);
      if (more) {
        // "What else did he say?": what the conversation already showed is not an answer to it.
        const shown = new Set(history.flatMap((t) => t.shownPassageIds));
        passages = passages.filter((p) => !shown.has(p.id));
      }
      const request: EngineRequest = {
        kind: 'answer',
        question,
        resolvedQuestion: resolved,
        passages,
        history,
        ...(focus ? { focus } : {}),
      };
      const reply = await respond(
        request,
        safeTitle(resolved, 'Answer'),
        more ? 'The sources say nothing more on this.' : 'The sources say nothing that answers this question.',
        more ? notShownBefore(history) : undefined,
      );
      await remember(conversation, 'answer', [question, resolved], passages, reply);
      return reply;
    },

    async more(input) {
      const conversation = conversationId(input.conversation);
      const history = await memory.recent(conversation);
      const last = history.at(-1);
      if (!last) {
        return refusalReply(
          'answer',
          deps.engine.name,
          'There is nothing to continue yet: ask a question or ask for a briefing first.',
          '',
        );
      }
      const passages = await corpus.getPassages(last.pendingPassageIds);
      const request: EngineRequest = {
        kind: 'briefing',
        passages,
        history,
        ...(last.resolvedRequest ? { topic: last.resolvedRequest } : {}),
      };
      const nothing = 'There is nothing more on this in the sources.';
      const title = safeTitle(`More: ${last.resolvedRequest || 'briefing'}`, 'More');
      const drafted = await respond(request, title, nothing, notShownBefore(history));
      const reply =
        drafted.status === 'refused'
          ? refusalReply(last.kind, drafted.engine, nothing, '')
          : { ...drafted, kind: last.kind };
      await remember(
        conversation,
        last.kind,
        [last.request, last.resolvedRequest],
        passages,
        reply,
        last.shownPassageIds,
      );
      return reply;
    },

    sources: () => corpus.listDocuments(),

    async timeline(input) {
      const topic = input.topic === undefined ? undefined : validateUserText(input.topic, 'topic');
      const passages = await briefingPassages(corpus, { topic, profile });
      return buildTimeline(passages, topic ?? null);
    },

    async why(input) {
      const last = (await memory.recent(conversationId(input.conversation))).at(-1);
      if (!last) return null;
      const newest = (await corpus.listDocuments())
        .map((d) => d.ingestedAt)
        .sort()
        .at(-1);
      return whyReport(last, newest ?? null);
    },

    async lastCitations(input) {
      const citations = (await memory.recent(conversationId(input.conversation))).at(-1)?.citations ?? [];
      // A stored reply outlives the documents it cited: say so rather than point at a source that is gone,
      // and when an article was edited since, show the quote as it was cited (kept with the reply) and say so.
      const ids = [...new Set(citations.map((c) => c.documentId))];
      const texts = new Map(
        await Promise.all(ids.map(async (id) => [id, (await corpus.getDocument(id))?.articleText ?? null] as const)),
      );
      return citations.map((c) => {
        const text = texts.get(c.documentId) ?? null;
        if (text === null) return { ...c, removed: true };
        return containsVerbatim(text, c.quote) ? c : { ...c, edited: true };
      });
    },

    search: (text, limit) => searchPassages(corpus, text, limit),

    async prepare() {
      // Every reply records the corpus's size from its profile, and a refusal quotes it: built here, not in a request.
      await profile();
      return (await corpus.warmUp?.()) ?? false;
    },
  };
}
