import { FEATURES, VERDICT_FEATURES, verdictFeatures } from '../../../core/engines/extractive/answer-features.ts';
import { type AnswerModel, logit, sigmoid } from '../../../core/engines/extractive/answer-model.ts';
import { ANSWER } from '../../../core/engines/extractive/compose-answer.ts';
import type { Asked } from './collect-candidates.ts';
import { type Example, fitLogistic } from './fit-logistic.ts';

export interface Verdicts {
  answered: number;
  answerable: number;
  refused: number;
  unanswerable: number;
  /** Answerable questions whose answering sentence was among the candidates at all. */
  reachable: number;
  /** Answerable questions whose answering sentence is among those the engine would show (verdict aside). */
  shown: number;
}

/**
 * Below the answered threshold the best sentence is shown as partial (related) material, down to this share
 * of it. Not fitted: partial material by definition does not answer, so no label says when it helps; the band
 * is kept narrow so that only material nearly as likely as an answer is offered.
 */
export const PARTIAL_SHARE = 0.75;

/**
 * The share of unanswerable questions the engine must refuse (the product's target): the answered threshold is
 * the lowest that still refuses this share of the fitting questions the corpus cannot answer, so that as many
 * answerable ones as possible are answered without inventing answers for the rest.
 */
export const REFUSAL_TARGET = 0.85;

/** What the engine would do with one question under sentence weights: the verdict features and whether what it shows answers. */
export function decide(weights: readonly number[], asked: Asked): { v: number[]; right: boolean } {
  const ranked = asked.candidates
    .map((c) => ({ x: c.x, z: logit(weights, c.x), positive: c.positive }))
    .sort((a, b) => b.z - a.z);
  const best = sigmoid(ranked[0]?.z ?? -10);
  const shown = ranked.slice(0, ANSWER.maxBlocks).filter((s) => sigmoid(s.z) >= best * ANSWER.extraShare);
  return { v: verdictFeatures(ranked), right: shown.some((s) => s.positive) };
}

/** Scores questions under a model as the engine would decide them. */
export function verdicts(model: AnswerModel, questions: readonly Asked[]): Verdicts {
  const out: Verdicts = { answered: 0, answerable: 0, refused: 0, unanswerable: 0, reachable: 0, shown: 0 };
  for (const q of questions) {
    const { v, right } = decide(model.weights, q);
    const answered = sigmoid(logit(model.verdict.weights, v)) >= model.thresholds.answered;
    if (q.answerable) {
      out.answerable += 1;
      if (q.candidates.some((c) => c.positive)) out.reachable += 1;
      if (right) out.shown += 1;
      if (answered && right) out.answered += 1;
    } else {
      out.unanswerable += 1;
      if (!answered) out.refused += 1;
    }
  }
  return out;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * Fits the model on questions. The sentence model: logistic regression over candidates, each question weighing
 * the same however many candidates it has (its positives and its negatives half each). The verdict model:
 * logistic regression over questions, labelled by whether what the sentence model would show answers. Then the
 * lowest answered threshold that still refuses REFUSAL_TARGET of the unanswerable fitting questions.
 */
export function fitModel(questions: readonly Asked[], lambda: number): AnswerModel {
  const examples: Example[] = [];
  for (const q of questions) {
    const n = q.candidates.length;
    const positives = q.candidates.filter((c) => c.positive).length;
    for (const c of q.candidates) {
      const w = c.positive ? 1 / Math.max(1, positives) : 1 / Math.max(1, n - positives);
      examples.push({ x: c.x, y: c.positive ? 1 : 0, w });
    }
  }
  const weights = fitLogistic(examples, lambda).map(round);
  const decided = questions.map((q) => ({ q, ...decide(weights, q) }));
  const verdictWeights = fitLogistic(
    decided.map((d) => ({ x: d.v, y: d.q.answerable && d.right ? 1 : 0, w: 1 })),
    lambda,
  ).map(round);
  const unanswerable = decided.filter((d) => !d.q.answerable).map((d) => sigmoid(logit(verdictWeights, d.v)));
  let bestT = 0.95;
  for (let t = 0.95; t >= 0.05; t -= 0.01) {
    const refused = unanswerable.filter((p) => p < t).length / Math.max(1, unanswerable.length);
    if (refused < REFUSAL_TARGET) break;
    bestT = t;
  }
  const answered = Math.round(bestT * 1000) / 1000;
  return {
    features: FEATURES,
    weights,
    verdict: { features: VERDICT_FEATURES, weights: verdictWeights },
    thresholds: { answered, partial: Math.round(answered * PARTIAL_SHARE * 1000) / 1000 },
  };
}

/** Leave-one-story-out: each story scored by a model fitted on all the others. */
export function crossValidate(
  questions: readonly Asked[],
  lambda: number,
): { folds: Map<string, AnswerModel>; total: Verdicts; byStory: Map<string, Verdicts> } {
  const stories = [...new Set(questions.map((q) => q.story))].sort();
  const folds = new Map<string, AnswerModel>();
  const byStory = new Map<string, Verdicts>();
  const total: Verdicts = { answered: 0, answerable: 0, refused: 0, unanswerable: 0, reachable: 0, shown: 0 };
  for (const story of stories) {
    const model = fitModel(
      questions.filter((q) => q.story !== story),
      lambda,
    );
    folds.set(story, model);
    const v = verdicts(
      model,
      questions.filter((q) => q.story === story),
    );
    byStory.set(story, v);
    for (const k of Object.keys(total) as (keyof Verdicts)[]) total[k] += v[k];
  }
  return { folds, total, byStory };
}
