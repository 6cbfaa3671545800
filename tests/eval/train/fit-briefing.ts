import { BRIEFING_FEATURES } from '../../../core/engines/extractive/briefing-features.ts';
import type { BriefingModel } from '../../../core/engines/extractive/briefing-model.ts';
import type { BriefedStory } from './collect-briefing-candidates.ts';
import { type Example, fitLogistic } from './fit-logistic.ts';

/**
 * Logistic regression over every candidate of every briefing, each briefing weighing the same however many
 * candidates it has (its positives and its negatives half each), and within a briefing each key fact weighing the
 * same however many candidates state it.
 */
export function fitBriefingModel(stories: readonly BriefedStory[], lambda: number): BriefingModel {
  const examples: Example[] = [];
  for (const s of stories) {
    const negatives = s.candidates.filter((c) => c.facts.length === 0).length;
    // Each key fact weighs the same however many sentences state it: a fact one outlet reports is as much the
    // story as one every outlet repeats, and counting sentences would teach the model only the repeated ones.
    const stating = new Map<number, number>();
    for (const c of s.candidates) for (const f of c.facts) stating.set(f, (stating.get(f) ?? 0) + 1);
    const facts = stating.size;
    if (facts === 0) continue;
    for (const c of s.candidates) {
      const y = c.facts.length > 0 ? 1 : 0;
      const share = c.facts.reduce((sum, f) => sum + 1 / (stating.get(f) ?? 1), 0) / facts;
      examples.push({ x: c.x, y, w: y ? share : 1 / Math.max(1, negatives) });
    }
  }
  const weights = fitLogistic(examples, lambda).map((v) => Math.round(v * 10_000) / 10_000);
  return { features: BRIEFING_FEATURES, weights };
}
