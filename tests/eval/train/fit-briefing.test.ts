import { describe, expect, it } from 'vitest';
import { BRIEFING_FEATURES } from '../../../core/engines/extractive/briefing-features.ts';
import type { BriefedStory } from './collect-briefing-candidates.ts';
import { fitBriefingModel } from './fit-briefing.ts';

const column = (name: string) => BRIEFING_FEATURES.indexOf(name as (typeof BRIEFING_FEATURES)[number]);

/** A candidate with the bias and the named features set. */
function candidate(features: readonly string[], facts: number[]): BriefedStory['candidates'][number] {
  const x = BRIEFING_FEATURES.map((f) => (f === 'bias' || features.includes(f) ? 1 : 0));
  return { x, facts, text: '', chars: 100, document: 'd', ordinal: 0 };
}

describe('fitBriefingModel', () => {
  // Fact 0 is repeated by nine sentences that have `support`; fact 1 is stated once, by a sentence with `counted`.
  const story: BriefedStory = {
    story: 's',
    facts: 2,
    candidates: [
      ...Array.from({ length: 9 }, () => candidate(['support'], [0])),
      candidate(['counted'], [1]),
      ...Array.from({ length: 30 }, () => candidate([], [])),
    ],
  };

  it('learns what marks a fact stated once as much as what marks a fact every outlet repeats', () => {
    const { weights } = fitBriefingModel([story], 0.5);
    const repeated = weights[column('support')] ?? 0;
    const once = weights[column('counted')] ?? 0;
    expect(repeated).toBeGreaterThan(0);
    expect(once).toBeGreaterThan(repeated * 0.8);
  });

  it('skips a story without a stated fact', () => {
    const empty: BriefedStory = { story: 'e', facts: 1, candidates: [candidate([], [])] };
    expect(fitBriefingModel([empty, story], 0.5)).toEqual(fitBriefingModel([story], 0.5));
  });
});
