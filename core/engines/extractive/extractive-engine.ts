import { focusDocuments } from '../../conversation/focus.ts';
import type { Engine, EngineDraft, EngineRequest } from '../../ports/engine.ts';
import { type AnswerModel, defaultAnswerModel } from './answer-model.ts';
import { type CandidateObserver, composeAnswer, refused } from './compose-answer.ts';
import { composeBriefing } from './compose-briefing.ts';
import { buildContext, type EngineContext } from './context.ts';
import { createDraftCache } from './draft-cache.ts';
import { analyzeQuestion } from './question.ts';
import { unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

/** Topic relevance of a unit: share of the topic's terms and names it contains; -1 when none (not eligible). */
function topicRelevance(ctx: EngineContext, topic: string): ((unit: Unit) => number) | null {
  const q = analyzeQuestion(topic, ctx.lexicon, ctx.units);
  if (q.unknownNames.length > 0) return null;
  const total = q.terms.reduce((sum, t) => sum + t.weight, 0) + q.entities.length;
  if (total === 0) return null;
  return (unit) => {
    let hits = q.entities.filter((e) => unitHasEntity(unit, e)).length;
    for (const t of q.terms) if (unitHasTerm(unit, t)) hits += t.weight;
    return hits === 0 ? -1 : hits / total;
  };
}

function briefing(ctx: EngineContext, topic: string | undefined): EngineDraft {
  const people = ctx.lexicon.entities.filter((e) => e.kind !== 'other').map((e) => e.name);
  if (!topic) return composeBriefing(ctx, () => 0, people);
  const relevance = topicRelevance(ctx, topic);
  if (!relevance || !ctx.units.some((u) => relevance(u) > 0)) {
    return refused('Nothing on this topic', 'The sources say nothing about this topic.');
  }
  return composeBriefing(ctx, relevance, people);
}

/**
 * The offline engine: selects verbatim sentences from the retrieved passages, merges what several
 * outlets report into one cited block, and types answers (who, when, where, how many, what X said).
 * Deterministic: the same passages and question give the same draft.
 */
export function createExtractiveEngine(options: { model?: AnswerModel; observe?: CandidateObserver } = {}): Engine {
  // Read on first use, so a stale model file stops answers, not start-up (and `npm run train` can refit it).
  const model = () => options.model ?? defaultAnswerModel();
  const cache = createDraftCache();
  const compose = (request: EngineRequest): EngineDraft => {
    const title = request.kind === 'answer' ? (request.question ?? '') : (request.topic ?? 'Briefing');
    if (request.passages.length === 0) return refused(title, 'Nothing in the sources matches this.');
    const ctx = buildContext(request.passages, focusDocuments(request.history ?? []));
    if (request.kind === 'briefing') return briefing(ctx, request.topic);
    return composeAnswer(ctx, request.resolvedQuestion ?? request.question ?? '', title, model(), options.observe);
  };
  return {
    name: 'extractive',
    model: options.model ? 'answer model given by the caller' : 'core/engines/extractive/answer-model.json',
    async compose(request: EngineRequest): Promise<EngineDraft> {
      const cached = options.observe ? null : cache.get(request);
      if (cached) return structuredClone(cached);
      const draft = compose(request);
      cache.set(request, draft);
      return structuredClone(draft);
    },
  };
}
