import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURES, VERDICT_FEATURES } from './answer-features.ts';

/**
 * The learned answer model, in two parts fitted by `npm run train` on labelled questions and committed as
 * `answer-model.json`: a logistic regression that ranks candidate sentences (how likely each one answers), and
 * a logistic regression for the verdict (how likely what the engine would show answers at all), with the
 * thresholds above which it is shown as an answer or as partial (related) material.
 */
export interface AnswerModel {
  features: readonly string[];
  weights: readonly number[];
  verdict: { features: readonly string[]; weights: readonly number[] };
  thresholds: { answered: number; partial: number };
}

const weights = z.object({ features: z.array(z.string()), weights: z.array(z.number()) });

export const answerModelSchema = weights.extend({
  verdict: weights,
  thresholds: z.object({ answered: z.number().min(0).max(1), partial: z.number().min(0).max(1) }),
});

const sameNames = (a: readonly string[], b: readonly string[], w: readonly number[]) =>
  a.join() === b.join() && w.length === b.length;

/** Checks a model against this build's features: a stale file would score the wrong columns. */
export function parseAnswerModel(value: unknown, source: string): AnswerModel {
  const model = answerModelSchema.parse(value);
  if (
    !sameNames(model.features, FEATURES, model.weights) ||
    !sameNames(model.verdict.features, VERDICT_FEATURES, model.verdict.weights)
  ) {
    throw new Error(`${source} was fitted on other features; run \`npm run train\`.`);
  }
  return model;
}

/** The log-odds a linear model gives the features. */
export function logit(w: readonly number[], x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (w[i] ?? 0) * (x[i] ?? 0);
  return sum;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

let shipped: AnswerModel | null = null;

/** The committed model (core/engines/extractive/answer-model.json), read once. */
export function defaultAnswerModel(): AnswerModel {
  if (!shipped) {
    const url = new URL('./answer-model.json', import.meta.url);
    shipped = parseAnswerModel(JSON.parse(readFileSync(url, 'utf8')), 'answer-model.json');
  }
  return shipped;
}
