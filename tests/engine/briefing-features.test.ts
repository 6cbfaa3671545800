import { describe, expect, it } from 'vitest';
import { BRIEFING_FEATURES, briefingFeatures, briefingStats } from '../../core/engines/extractive/briefing-features.ts';
import { defaultBriefingModel, parseBriefingModel } from '../../core/engines/extractive/briefing-model.ts';
import { clusterAround } from '../../core/engines/extractive/clusters.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';

/** One made-up article: each text a paragraph, published on `date`. */
function contextOf(texts: readonly string[], date: string | null = '2024-03-04') {
  return buildContext(
    texts.map((text, ordinal) => ({
      id: `d:${ordinal}`,
      documentId: 'd',
      ordinal,
      text,
      start: 0,
      end: text.length,
      score: 0,
      document: { id: 'd', title: null, outlet: null, author: null, publishedAt: date, url: null, language: 'en' },
    })),
  );
}

function featuresOf(texts: readonly string[], which: number, date?: string | null) {
  const ctx = contextOf(texts, date);
  const unit = ctx.units.find((u) => u.passage.ordinal === which);
  if (!unit) throw new Error('no unit');
  const x = briefingFeatures(clusterAround(unit, [], ctx.idf), 0.5, ctx, briefingStats(ctx, new Map(), 1));
  return Object.fromEntries(BRIEFING_FEATURES.map((f, i) => [f, x[i]]));
}

const ARTICLE = [
  'The two governments signed the water accord in Lisbon on Monday after three days of talks.',
  'He said the talks had been difficult.',
  '“We have a deal that lasts for years,” Foreign Minister Ana Duarte told reporters.',
  'Lisbon water accord signed',
];

describe('briefing features', () => {
  it.each([
    [0, 'lead', 1],
    [1, 'lead', 0],
    [0, 'early', 1],
    [3, 'depth', 0.3],
    [0, 'number', 1],
    [1, 'number', 0],
    [0, 'date', 1],
    [1, 'date', 0],
    [1, 'dangling', 1],
    [0, 'dangling', 0],
    [3, 'headline', 1],
    [0, 'headline', 0],
    [0, 'topic', 0.5],
    [0, 'newest', 1],
  ])('paragraph %i: %s = %d', (which, feature, value) => {
    expect(featuresOf(ARTICLE, which)[feature]).toBeCloseTo(value, 5);
  });

  it('gives the share of a quotation and who speaks in it', () => {
    const f = featuresOf(ARTICLE, 2);
    expect(f.namedSpeaker).toBe(1);
    expect(f.quoted).toBeGreaterThan(0.3);
    expect(featuresOf(ARTICLE, 0).quoted).toBe(0);
  });

  it('marks an undated report as such, halfway through the story', () => {
    const f = featuresOf(ARTICLE, 0, null);
    expect(f.undated).toBe(1);
    expect(f.storyTime).toBe(0.5);
  });
});

describe('briefing model file', () => {
  it('is fitted on this build’s features', () => {
    expect(defaultBriefingModel().features).toEqual([...BRIEFING_FEATURES]);
  });

  it('refuses a model fitted on other features', () => {
    expect(() => parseBriefingModel({ features: ['bias'], weights: [0] }, 'stale.json')).toThrow(/train:briefing/);
  });
});
