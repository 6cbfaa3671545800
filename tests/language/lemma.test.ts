import { describe, expect, it } from 'vitest';
import { formsMatch, irregularForms, isIrregularPast, lemma } from '../../core/language/lemma.ts';

describe('lemma', () => {
  it.each([
    ['met', 'meet'],
    ['meeting', 'meet'],
    ['meetings', 'meet'],
    ['said', 'say'],
    ['talks', 'talk'],
    ['countries', 'country'],
    ['widening', 'widen'],
    ['lasted', 'last'],
    ['travelled', 'travel'],
    ['Putin’s', 'putin'],
    ['better', 'good'],
    ['us', 'us'],
  ])('%s → %s', (word, base) => {
    expect(lemma(word)).toBe(base);
  });
});

describe('formsMatch', () => {
  it.each([
    ['russia', 'russian', true],
    ['agree', 'agreement', true],
    ['negotiate', 'negotiation', true],
    ['ukraine', 'ukrainian', true],
    ['sign', 'signal', false],
    ['state', 'statute', false],
    ['talk', 'talk', true],
  ])('%s / %s → %s', (a, b, same) => {
    expect(formsMatch(a, b)).toBe(same);
    expect(formsMatch(b, a)).toBe(same);
  });
});

describe('irregular verbs from WordNet', () => {
  it('lists the irregular forms of a base verb and recognises a past form', () => {
    expect(irregularForms('meet')).toContain('met');
    expect(irregularForms('begin')).toEqual(expect.arrayContaining(['began', 'begun']));
    expect(isIrregularPast('led')).toBe(true);
    expect(isIrregularPast('leads')).toBe(false);
    expect(isIrregularPast('walked')).toBe(false);
  });
});
