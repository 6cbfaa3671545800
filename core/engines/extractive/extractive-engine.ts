import { requestFocus } from '../../conversation/focus.ts';
import type { Entity } from '../../entities/lexicon.ts';
import { isCalendarWord } from '../../language/calendar.ts';
import type { Engine, EngineDraft, EngineRequest } from '../../ports/engine.ts';
import { STORY_TOPIC_PARTS } from '../../topics/story-topic.ts';
import { type AnswerModel, defaultAnswerModel } from './answer-model.ts';
import { type BriefingModel, defaultBriefingModel } from './briefing-model.ts';
import { type CandidateObserver, composeAnswer, refused } from './compose-answer.ts';
import { type BriefingObserver, composeBriefing } from './compose-briefing.ts';
import { buildContext, type EngineContext } from './context.ts';
import { DEFAULT_ANSWER_MODEL_FILE } from './default-models.ts';
import { createDraftCache } from './draft-cache.ts';
import { analyzeQuestion } from './question.ts';
import { type Term, unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

/** Topic shape; fitted on the briefing fit stories of corpus-dev, never per topic. */
export const TOPIC = {
  /** A document is the story's when it covers this share of the topic that the best document covers. */
  storyShare: 0.5,
  /** How much naming the topic's words adds to a sentence of a story document. */
  storyMentionWeight: 0.5,
} as const;

/**
 * Topic relevance of a unit: the share of the topic's terms and names it contains; -1 when none
 * (not eligible). A topic that describes a story ("the Lisbon water treaty talks, March
 * 2024") makes every sentence of the story's documents eligible: their leads tell the story
 * without repeating the topic's words.
 */
export function topicRelevance(
  ctx: EngineContext,
  topic: string,
): { relevance: (unit: Unit) => number; story: boolean } | null {
  const q = analyzeQuestion(topic, ctx.lexicon, ctx.units);
  if (q.unknownNames.some((name) => !isCalendarWord(name))) return null;
  const terms = q.terms.filter((t) => !isCalendarWord(t.stem));
  const total = terms.reduce((sum, t) => sum + t.weight, 0) + q.entities.length;
  if (total === 0) return null;
  // Asked of every unit several times (eligibility, value, selection): synonym and WordNet look-ups once per unit.
  const seen = new Map<Unit, number>();
  const mentions = (unit: Unit) => {
    let share = seen.get(unit);
    if (share === undefined) {
      let hits = q.entities.filter((e) => unitHasEntity(unit, e)).length;
      for (const t of terms) if (unitHasTerm(unit, t)) hits += t.weight;
      share = hits / total;
      seen.set(unit, share);
    }
    return share;
  };
  const own = (unit: Unit) => {
    const share = mentions(unit);
    return share === 0 ? -1 : share;
  };
  if (terms.length + q.entities.length < STORY_TOPIC_PARTS) return { relevance: own, story: false };
  const story = storyDocumentsOf(ctx, terms, q.entities);
  return {
    story: true,
    relevance: (unit) => {
      const share = mentions(unit);
      if (story.has(unit.passage.documentId)) return TOPIC.storyMentionWeight * share;
      return share === 0 ? -1 : share;
    },
  };
}

/** The documents covering at least `storyShare` of what the best one covers of the topic's terms and names. */
function storyDocumentsOf(ctx: EngineContext, terms: readonly Term[], entities: readonly Entity[]): Set<string> {
  const unitsOf = new Map<string, Unit[]>();
  for (const u of ctx.units) unitsOf.set(u.passage.documentId, [...(unitsOf.get(u.passage.documentId) ?? []), u]);
  const cover = new Map<string, number>();
  for (const [id, units] of unitsOf) {
    let c = entities.filter((e) => units.some((u) => unitHasEntity(u, e))).length;
    for (const t of terms) if (units.some((u) => unitHasTerm(u, t))) c += t.weight;
    cover.set(id, c);
  }
  const best = Math.max(0, ...cover.values());
  return new Set([...cover].filter(([, c]) => best > 0 && c >= TOPIC.storyShare * best).map(([id]) => id));
}

function briefing(
  ctx: EngineContext,
  topic: string | undefined,
  model: () => BriefingModel,
  observe: BriefingObserver | undefined,
): EngineDraft {
  const people = ctx.lexicon.entities.filter((e) => e.kind !== 'other').map((e) => e.name);
  if (!topic) return composeBriefing(ctx, () => 0, people);
  const found = topicRelevance(ctx, topic);
  if (!found || !ctx.units.some((u) => found.relevance(u) > 0)) {
    return refused('Nothing on this topic', 'The sources say nothing about this topic.');
  }
  // A story is briefed on its key facts as the briefing model learned them from labelled story briefings.
  return composeBriefing(ctx, found.relevance, people, found.story ? { model: model(), observe } : undefined);
}

/**
 * The offline engine: selects verbatim sentences from the retrieved passages, merges what several
 * outlets report into one cited block, and types answers (who, when, where, how many, what X said).
 * Deterministic: the same passages and question give the same draft.
 */
export function createExtractiveEngine(
  options: {
    model?: AnswerModel;
    observe?: CandidateObserver;
    briefingModel?: BriefingModel;
    observeBriefing?: BriefingObserver;
  } = {},
): Engine {
  // Read on first use, so a stale model file stops answers, not start-up (and `npm run train` can refit it).
  const model = () => options.model ?? defaultAnswerModel();
  const briefingModel = () => options.briefingModel ?? defaultBriefingModel();
  const cache = createDraftCache();
  const compose = (request: EngineRequest): EngineDraft => {
    const title = request.kind === 'answer' ? (request.question ?? '') : (request.topic ?? 'Briefing');
    if (request.passages.length === 0) return refused(title, 'Nothing in the sources matches this.');
    const ctx = buildContext(request.passages, requestFocus(request));
    if (request.kind === 'briefing') return briefing(ctx, request.topic, briefingModel, options.observeBriefing);
    return composeAnswer(ctx, request.resolvedQuestion ?? request.question ?? '', title, model(), options.observe);
  };
  return {
    name: 'extractive',
    model: options.model ? 'answer model given by the caller' : DEFAULT_ANSWER_MODEL_FILE,
    async compose(request: EngineRequest): Promise<EngineDraft> {
      const cached = options.observe || options.observeBriefing ? null : cache.get(request);
      if (cached) return structuredClone(cached);
      const draft = compose(request);
      cache.set(request, draft);
      return structuredClone(draft);
    },
  };
}
