import { isCalendarWord } from '../../language/calendar.ts';
import { joinNames } from '../../language/list.ts';
import type { EngineDraft } from '../../ports/engine.ts';
import { type Candidate, candidateFeatures, verdictFeatures } from './answer-features.ts';
import { type AnswerModel, logit, sigmoid } from './answer-model.ts';
import { blockFor, clusterAround } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { missingNote } from './missing-note.ts';
import { analyzeQuestion, type Question } from './question.ts';
import { sameClaim } from './similarity.ts';
import { anyUnitHasTerm, RELATED_CREDIT, termCredit } from './term-match.ts';
import type { Unit } from './units.ts';

/** Shape of an answer (not fitted: how much a reader wants to see). */
export const ANSWER = {
  /** Further answering sentences must be at least this share as likely as the best one. */
  extraShare: 0.8,
  maxBlocks: 3,
} as const;

/** Share of the question's word weight that must appear somewhere in the passages for anything to answer it. */
const MIN_PRESENT = 0.5;

/**
 * Share of the question's word weight (rarer words weigh more) that some passage contains as the word itself,
 * another form of it or a curated synonym: WordNet's looser relations do not count here, since nearly any word
 * has some related word somewhere in a news corpus.
 */
function presentShare(ctx: EngineContext, q: Question): number {
  let total = 0;
  let present = 0;
  for (const t of q.terms) {
    const w = ctx.idf.weight(t.stem);
    total += w;
    if (ctx.units.some((u) => !u.passage.wider && termCredit(u, t) >= RELATED_CREDIT)) present += w;
  }
  return total === 0 ? 1 : present / total;
}

/** A candidate with the sentence model's log-odds and probability that it answers. */
export interface ScoredCandidate extends Candidate {
  z: number;
  p: number;
}

/** Called with every scored candidate of a question, best first (training records them; the app passes none). */
export type CandidateObserver = (question: Question, candidates: readonly ScoredCandidate[]) => void;

/** Candidates ranked by the sentence model, best first, and the verdict model's probability that the best answers. */
export function rankCandidates(
  ctx: EngineContext,
  q: Question,
  model: AnswerModel,
): { ranked: ScoredCandidate[]; verdict: number } {
  const ranked = candidateFeatures(ctx, q)
    .map((c) => {
      const z = logit(model.weights, c.x);
      return { ...c, z, p: sigmoid(z) };
    })
    .sort((a, b) => b.z - a.z || a.unit.index - b.unit.index);
  return { ranked, verdict: sigmoid(logit(model.verdict.weights, verdictFeatures(ranked))) };
}

/** A draft with nothing to show: the title and why. */
export const refused = (title: string, note: string): EngineDraft => ({
  engine: 'extractive',
  status: 'refused',
  title,
  blocks: [],
  note,
});

/**
 * Why nothing was shown: which of the question's names the sources do mention, and that they do not mention the
 * others. The missing names are not repeated: the note is built from corpus names and fixed words only, never
 * from the user's text (which may hold markup, or a name that only page chrome carried).
 */
export function refusalNote(q: Question): string {
  const named = joinNames(q.entities.map((e) => e.name));
  if (q.unknownNames.some((n) => !isCalendarWord(n))) {
    return named
      ? `The sources mention ${named} but not every name in this question.`
      : 'The sources do not mention the names in this question.';
  }
  return named ? `The sources mention ${named} but say nothing that answers this question.` : NOTHING;
}

const NOTHING = 'The sources say nothing that answers this question.';

/**
 * An answer: the one to three sentences the sentence model finds most likely to answer the question, marked
 * answered when the verdict model finds them likely enough to answer, partial when they are only related,
 * refused below that.
 */
export function composeAnswer(
  ctx: EngineContext,
  question: string,
  title: string,
  model: AnswerModel,
  observe?: CandidateObserver,
): EngineDraft {
  const q = analyzeQuestion(question, ctx.lexicon, ctx.units);
  const { ranked: scored, verdict } = rankCandidates(ctx, q, model);
  observe?.(q, scored);
  const best = scored[0];
  // Material "related" to something no retrieved passage mentions (a name, or the very action asked about:
  // "who photographed …" where no passage photographs anything) would be related to something else.
  // Judged on the ordinary hits, as the model's features are (a wider pass adds candidates, not coverage).
  const ordinary = ctx.units.filter((u) => !u.passage.wider);
  const focusAbsent =
    (q.focus !== null && !anyUnitHasTerm(ordinary, q.focus)) ||
    (q.object !== null && !anyUnitHasTerm(ordinary, q.object));
  const related = q.unknownNames.length === 0 && !focusAbsent;
  // A typed question ("who photographed …") whose action no passage mentions, in any form or related word, cannot be
  // answered by naming someone who did something else.
  const unrelatedAction = focusAbsent && q.type !== 'general';
  // Most of what the question says appears nowhere in the passages, in any form or related word: whatever
  // sentence scores best shares only its remaining words.
  const mostlyAbsent = presentShare(ctx, q) < MIN_PRESENT;
  if (
    !best ||
    unrelatedAction ||
    mostlyAbsent ||
    verdict < (related ? model.thresholds.partial : model.thresholds.answered)
  ) {
    return refused(title, refusalNote(q));
  }
  if (verdict < model.thresholds.answered) {
    const cluster = clusterAround(best.unit, ctx.partners(best.unit), ctx.idf);
    return {
      engine: 'extractive',
      status: 'partial',
      title,
      blocks: [blockFor(cluster, ctx.lowerWords, 'rep')],
      note: missingNote(q, best.unit, scored),
    };
  }
  const chosen: Unit[] = [];
  for (const s of scored) {
    if (chosen.length >= ANSWER.maxBlocks || s.p < best.p * ANSWER.extraShare) break;
    if (chosen.some((c) => c.passage.id === s.unit.passage.id || sameClaim(c, s.unit, ctx.idf))) continue;
    chosen.push(s.unit);
  }
  return {
    engine: 'extractive',
    status: 'answered',
    title,
    blocks: chosen.map((u) => blockFor(clusterAround(u, ctx.partners(u), ctx.idf), ctx.lowerWords, 'rep')),
  };
}
