import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { candidateFeatures, FEATURES } from '../../core/engines/extractive/answer-features.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { analyzeQuestion } from '../../core/engines/extractive/question.ts';
import { testPassage } from '../support/built-replies.ts';

const ORDINARY = testPassage({ documentId: 'a', text: 'The ministers met in Lisbon on Monday to sign the treaty.' });
const STORY = testPassage({ documentId: 'b', text: 'The glacier summit in Reykjavik ended after five hours.' });

/** The "present" feature (share of the question's words any candidate holds) of the first candidate. */
function present(passages: RetrievedPassage[]): number {
  const ctx = buildContext(passages);
  const q = analyzeQuestion('How long did the glacier summit in Reykjavik last?', ctx.lexicon, ctx.units);
  const first = candidateFeatures(ctx, q)[0];
  return first?.x[FEATURES.indexOf('present')] ?? Number.NaN;
}

describe('passages found by a wider pass', () => {
  it('are candidates, but do not count as the corpus covering the question', () => {
    const asHit = present([ORDINARY, STORY]);
    const asWider = present([ORDINARY, { ...STORY, wider: true }]);
    expect(asHit).toBeGreaterThan(asWider);
    expect(buildContext([ORDINARY, { ...STORY, wider: true }]).units.map((u) => u.passage.id)).toContain('b:0');
  });
});
