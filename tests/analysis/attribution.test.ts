import { describe, expect, it } from 'vitest';
import { attributeQuote, attributeSentence, describeAttribution, nameOf } from '../../core/analysis/attribution.ts';

describe('attributeSentence', () => {
  it.each([
    ['"We will not agree to any concession. That is completely excluded," said Ryabkov.', 'on-record', 'Ryabkov'],
    [
      'Russia is not optimistic ahead of the planned talks, Russian Deputy Foreign Minister Sergei Ryabkov said on Sunday.',
      'on-record',
      'Sergei Ryabkov',
    ],
    [
      'Kremlin spokesman Dmitry Peskov said it was positive that the talks had been held.',
      'on-record',
      'Dmitry Peskov',
    ],
    ['The Kremlin said on Tuesday it saw no reason to be optimistic.', 'on-record', 'The Kremlin'],
    ['The meeting lasted two hours, according to Interfax.', 'on-record', 'Interfax'],
    ['The foreign ministry said the visit would go ahead.', 'on-record', 'The foreign ministry'],
    [
      'Originally scheduled to start on Monday, Sherman is now due to have a working dinner, said a State Department spokesperson.',
      'on-record',
      'State Department spokesperson',
    ],
  ])('named person or body: %s', (sentence, kind, speaker) => {
    expect(attributeSentence(sentence)).toEqual({ kind, speaker });
  });

  it.each([
    'Earlier on Saturday, a senior US administration official said that the US is prepared to discuss exercises.',
    'The officials said the US is open to discussions on curtailing future deployments.',
    'A source familiar with the talks said no date had been set.',
    'Two diplomats, speaking on condition of anonymity, said the draft was ready.',
    'People familiar with the matter said the envoy would travel on Monday.',
  ])('unnamed sources: %s', (sentence) => {
    expect(attributeSentence(sentence)).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['Analysts say the deal is unlikely to hold beyond the summer.', undefined],
    ['"It is a gamble," said Thomas Greminger, director of a Geneva think tank.', 'Thomas Greminger'],
    ['In our view, the summit marks a turn in the alliance.', undefined],
  ])('commentary and expert view: %s', (sentence, speaker) => {
    expect(attributeSentence(sentence)).toEqual(speaker ? { kind: 'analysis', speaker } : { kind: 'analysis' });
  });

  it.each([
    'The talks in Geneva began on Monday and lasted more than seven hours.',
    'Russia has massed about 100,000 troops near the Ukrainian border.',
  ])("the outlet's own voice: %s", (sentence) => {
    expect(attributeSentence(sentence)).toEqual({ kind: 'agency' });
  });

  it('resolves "he said" to the speaker named before', () => {
    const before = ['Kremlin spokesman Dmitry Peskov said the talks were open.'];
    expect(attributeSentence('He said Russia was not setting deadlines.', before)).toEqual({
      kind: 'on-record',
      speaker: 'Dmitry Peskov',
    });
  });
});

describe('attributeQuote', () => {
  const passage =
    'Speaking with the Interfax news agency, Ryabkov said it would be "naive" to expect progress. ' +
    '"We will not agree to any concession. That is completely excluded." ' +
    'He added that Moscow was disappointed. Troops remain at the border.';

  it('reads the quote in its passage, following "he" back to the named speaker', () => {
    expect(attributeQuote(passage, 'He added that Moscow was disappointed.')).toEqual({
      kind: 'on-record',
      speaker: 'Ryabkov',
    });
  });

  it('gives the outlet voice to a plain statement of fact', () => {
    expect(attributeQuote(passage, 'Troops remain at the border.')).toEqual({ kind: 'agency' });
  });
});

describe('nameOf and describeAttribution', () => {
  it('strips titles and nationality from a name', () => {
    expect(nameOf('Russian Deputy Foreign Minister Sergei Ryabkov')).toBe('Sergei Ryabkov');
    expect(nameOf("Russia's Deputy Foreign Minister Sergey Ryabkov")).toBe('Sergey Ryabkov');
    expect(nameOf('Minister')).toBeNull();
  });

  it('describes each kind compactly', () => {
    expect(describeAttribution({ kind: 'on-record', speaker: 'Ryabkov' })).toBe('Ryabkov, on record');
    expect(describeAttribution({ kind: 'anonymous' })).toBe('unnamed source');
    expect(describeAttribution({ kind: 'agency' })).toBe('outlet reporting');
    expect(describeAttribution({ kind: 'analysis' })).toBe('analysis');
  });
});
