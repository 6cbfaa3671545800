import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { logit, sigmoid } from './answer-model.ts';
import { BRIEFING_FEATURES } from './briefing-features.ts';

/**
 * The learned briefing model: a logistic regression over a claim's features (BRIEFING_FEATURES) giving how
 * likely the claim states one of its story's key facts. Fitted by `npm run train:briefing` on labelled
 * briefings, split by story, and committed as `briefing-model.json`.
 */
export interface BriefingModel {
  features: readonly string[];
  weights: readonly number[];
}

export const briefingModelSchema = z.object({ features: z.array(z.string()), weights: z.array(z.number()) });

/** Checks a model against this build's features: a stale file would score the wrong columns. */
export function parseBriefingModel(value: unknown, source: string): BriefingModel {
  const model = briefingModelSchema.parse(value);
  if (model.features.join() !== BRIEFING_FEATURES.join() || model.weights.length !== BRIEFING_FEATURES.length) {
    throw new Error(`${source} was fitted on other features; run \`npm run train:briefing\`.`);
  }
  return model;
}

/** How likely a claim with these features states a key fact of its story. */
export function factProbability(model: BriefingModel, x: readonly number[]): number {
  return sigmoid(logit(model.weights, x));
}

let shipped: BriefingModel | null = null;

/** The committed model (core/engines/extractive/briefing-model.json), read once. */
export function defaultBriefingModel(): BriefingModel {
  if (!shipped) {
    const url = new URL('./briefing-model.json', import.meta.url);
    shipped = parseBriefingModel(JSON.parse(readFileSync(url, 'utf8')), 'briefing-model.json');
  }
  return shipped;
}
