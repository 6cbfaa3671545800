import { BRIEFING_FEATURES } from '../../../core/engines/extractive/briefing-features.ts';
import type { BriefingModel } from '../../../core/engines/extractive/briefing-model.ts';
import type { BriefedStory } from './collect-briefing-candidates.ts';
import { type Example, fitLogistic } from './fit-logistic.ts';

/**
 * Logistic regression over every candidate of every briefing, each briefing weighing the same however many
 * candidates it has (its positives and its negatives half each).
 */
export function fitBriefingModel(stories: readonly BriefedStory[], lambda: number): BriefingModel {
  const examples: Example[] = [];
  for (const s of stories) {
    const positives = s.candidates.filter((c) => c.facts.length > 0).length;
    const negatives = s.candidates.length - positives;
    if (positives === 0) continue;
    for (const c of s.candidates) {
      const y = c.facts.length > 0 ? 1 : 0;
      examples.push({ x: c.x, y, w: y ? 1 / positives : 1 / Math.max(1, negatives) });
    }
  }
  const weights = fitLogistic(examples, lambda).map((v) => Math.round(v * 10_000) / 10_000);
  return { features: BRIEFING_FEATURES, weights };
}
