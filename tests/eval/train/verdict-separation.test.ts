import { describe, expect, it } from 'vitest';
import { FEATURES, VERDICT_FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import type { AnswerModel } from '../../../core/engines/extractive/answer-model.ts';
import type { Asked } from './collect-candidates.ts';
import { featureRows, place, separation } from './verdict-separation.ts';

describe('separation', () => {
  it.each([
    { higher: [3, 4], lower: [1, 2], expected: 1 },
    { higher: [1, 2], lower: [3, 4], expected: 0 },
    { higher: [1, 1], lower: [1, 1], expected: 0.5 },
    { higher: [1, 3], lower: [2], expected: 0.5 },
    { higher: [2, 2], lower: [1, 2], expected: 0.75 },
    { higher: [], lower: [1], expected: 0.5 },
  ])('$higher over $lower is $expected', ({ higher, lower, expected }) => {
    expect(separation(higher, lower)).toBeCloseTo(expected);
  });
});

// A model whose sentence score is the coverage feature alone and whose verdict answers when the best log-odds
// (the second verdict feature) is positive.
const at = (name: string) => FEATURES.indexOf(name as (typeof FEATURES)[number]);
const model: AnswerModel = {
  features: FEATURES,
  weights: FEATURES.map((f) => (f === 'coverage' ? 1 : 0)),
  verdict: { features: VERDICT_FEATURES, weights: VERDICT_FEATURES.map((f) => (f === 'bestLogit' ? 10 : 0)) },
  thresholds: { answered: 0.5, partial: 0.4 },
};
const candidate = (coverage: number, positive: boolean) => {
  const x: number[] = FEATURES.map((f) => (f === 'bias' ? 1 : 0));
  x[at('coverage')] = coverage;
  return { x, positive, text: '' };
};
const asked = (answerable: boolean, candidates: Asked['candidates']): Asked => ({
  story: 's',
  id: 'q',
  question: '',
  answerable,
  candidates,
});

describe('place', () => {
  it.each([
    {
      name: 'answer shown, verdict yes',
      q: asked(true, [candidate(0.9, true), candidate(0.1, false)]),
      outcome: 'answered',
    },
    {
      name: 'answer shown, verdict no',
      q: asked(true, [candidate(-0.4, true), candidate(-2, false)]),
      outcome: 'declined',
    },
    { name: 'another sentence shown', q: asked(true, [candidate(0.9, false), candidate(-2, true)]), outcome: 'missed' },
    { name: 'nothing answers', q: asked(false, [candidate(0.9, false)]), outcome: 'unanswerable' },
  ])('$name: $outcome', ({ q, outcome }) => {
    expect(place(model, q).outcome).toBe(outcome);
  });

  it('compares declined answers with the best candidate of unanswerable questions', () => {
    const rows = featureRows([
      place(model, asked(true, [candidate(-0.4, true)])),
      place(model, asked(false, [candidate(-0.2, false), candidate(-0.9, false)])),
    ]);
    const coverage = rows.find((r) => r.feature === 'coverage');
    expect(coverage?.declined).toBeCloseTo(-0.4);
    expect(coverage?.unanswerable).toBeCloseTo(-0.2);
    expect(coverage?.declinedVsUnanswerable).toBe(0);
  });
});
