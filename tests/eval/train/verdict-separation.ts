import { FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import { type AnswerModel, logit, sigmoid } from '../../../core/engines/extractive/answer-model.ts';
import type { Asked } from './collect-candidates.ts';
import { decide } from './cross-validate.ts';

/**
 * Where a question ends under a model, as the engine would decide it: `answered` (what is shown answers and the
 * verdict says so), `declined` (what is shown answers, but the verdict calls it partial or refuses), `missed` (what
 * is shown does not answer), `unanswerable` (the corpus holds no answer).
 */
export type Outcome = 'answered' | 'declined' | 'missed' | 'unanswerable';

/** One question's outcome, the candidate the verdict reads (the best) and the answering one among those shown. */
export interface Placed {
  asked: Asked;
  outcome: Outcome;
  best: readonly number[] | null;
  answering: readonly number[] | null;
}

/** Places a question under the model its fold fitted without it. */
export function place(model: AnswerModel, asked: Asked): Placed {
  const ranked = asked.candidates.map((c) => ({ ...c, z: logit(model.weights, c.x) })).sort((a, b) => b.z - a.z);
  const { v, right } = decide(model.weights, asked);
  const verdict = sigmoid(logit(model.verdict.weights, v)) >= model.thresholds.answered;
  const answering = right ? (ranked.slice(0, 3).find((c) => c.positive)?.x ?? null) : null;
  const outcome: Outcome = !asked.answerable ? 'unanswerable' : !right ? 'missed' : verdict ? 'answered' : 'declined';
  return { asked, outcome, best: ranked[0]?.x ?? null, answering };
}

/**
 * The probability that a value drawn from `higher` exceeds one drawn from `lower` (ties count half): the area under
 * the ROC curve of one feature. 0.5 means the feature cannot tell the two groups apart.
 */
export function separation(higher: readonly number[], lower: readonly number[]): number {
  if (higher.length === 0 || lower.length === 0) return 0.5;
  let sum = 0;
  for (const a of higher) for (const b of lower) sum += a > b ? 1 : a === b ? 0.5 : 0;
  return sum / (higher.length * lower.length);
}

/** One feature: its mean in each group and how well it separates declined and answered answers from unanswerable bests. */
export interface FeatureRow {
  feature: string;
  declined: number;
  answered: number;
  unanswerable: number;
  /** Separation of the declined questions' answering sentences from the unanswerable questions' best ones. */
  declinedVsUnanswerable: number;
  /** The same for the answered questions (what the model already uses). */
  answeredVsUnanswerable: number;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * Per feature, the answering sentences of declined and answered questions against the best candidates of
 * unanswerable ones (the sentence the verdict reads when nothing answers): a feature the verdict lacks would
 * separate declined from unanswerable.
 */
export function featureRows(placed: readonly Placed[]): FeatureRow[] {
  const column = (outcome: Outcome, i: number) =>
    placed
      .filter((p) => p.outcome === outcome)
      .map((p) => (outcome === 'unanswerable' ? p.best : p.answering)?.[i])
      .filter((x): x is number => x !== undefined);
  return FEATURES.map((feature, i) => {
    const declined = column('declined', i);
    const answered = column('answered', i);
    const unanswerable = column('unanswerable', i);
    return {
      feature,
      declined: mean(declined),
      answered: mean(answered),
      unanswerable: mean(unanswerable),
      declinedVsUnanswerable: separation(declined, unanswerable),
      answeredVsUnanswerable: separation(answered, unanswerable),
    };
  });
}
