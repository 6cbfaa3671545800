import { describe, expect, it } from 'vitest';
import { BRIEFING_FEATURES, briefingFeatures, briefingStats } from '../../core/engines/extractive/briefing-features.ts';
import { defaultBriefingModel, parseBriefingModel } from '../../core/engines/extractive/briefing-model.ts';
import { clusterAround } from '../../core/engines/extractive/clusters.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { testPassage } from '../support/built-replies.ts';

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

describe('what a sentence states', () => {
  it.each([
    ['The two governments signed the accord on Monday.', 1],
    ['The accord has a long history of quarrels over the river.', 0],
    ['“We will sign nothing,” the minister told reporters.', 0],
  ])('outcome: %s → %d', (text, value) => {
    expect(featuresOf([text], 0).outcome).toBe(value);
  });

  it.each([
    ['The deal frees about 20 million tonnes of grain stuck in the ports.', 1],
    ['Hamas is to release 50 hostages over four days.', 1],
    ['Dozens of ships waited outside the harbour.', 1],
    ['The deal was signed on 22 July 2022 in the palace.', 0],
    ['One of the ministers left before the end of 2023.', 0],
  ])('counted: %s → %d', (text, value) => {
    expect(featuresOf([text], 0).counted).toBe(value);
  });

  it.each([
    ['On Monday I reiterated the deep regret of the Secretary-General.', 1],
    ['“We have a deal,” the envoy said after the talks.', 0],
    ['The envoy said the sides had agreed on the annex.', 0],
  ])('firstPerson: %s → %d', (text, value) => {
    expect(featuresOf([text], 0).firstPerson).toBe(value);
  });

  it('counts the other outlets whose sentences share two of its specifics, in other words', () => {
    const passage = (documentId: string, text: string, ordinal = 0) =>
      testPassage({ documentId, text, title: null, outlet: null, publishedAt: '2024-03-04' }, ordinal);
    const ctx = buildContext([
      passage('a', 'The treaty guarantees 2,700 cubic hectometres of water a year to each Tagus basin.'),
      passage('b', 'Each basin of the Tagus now gets a minimum flow of 2,700 cubic hectometres.'),
      passage('c', 'Farmers in the Alentejo said dry summers had ruined two harvests.'),
      passage('d', 'Environmental groups said the wetlands were forgotten.'),
      passage('e', 'Ministers met at the palace for eleven hours of talks.'),
      // Words are rare against a request of some size: in a handful of sentences every shared word is common.
      ...['Rain', 'Snow', 'Wind', 'Heat', 'Frost', 'Fog', 'Hail', 'Storms'].map((w, i) =>
        passage('e', `${w} fell on the northern hills all week, officials said.`, i + 1),
      ),
    ]);
    const unit = ctx.units.find((u) => u.passage.documentId === 'a');
    if (!unit) throw new Error('no unit');
    const x = briefingFeatures(clusterAround(unit, [], ctx.idf), 0.5, ctx, briefingStats(ctx, new Map(), 5));
    expect(x[BRIEFING_FEATURES.indexOf('specifics')]).toBeCloseTo(1 / 4, 5);
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
