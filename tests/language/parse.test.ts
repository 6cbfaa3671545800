import { describe, expect, it } from 'vitest';
import { countedLemma, focusVerb } from '../../core/engines/extractive/question-type.ts';
import { parse } from '../../core/language/parse.ts';

const noNames = () => false;

describe('parse (wink-nlp)', () => {
  it('tags parts of speech and finds date entities', () => {
    const parsed = parse('When did Biden and Xi meet in November 2022?');
    expect(parsed.tokens.find((t) => t.lower === 'meet')?.pos).toBe('VERB');
    expect(parsed.entities).toContainEqual({ text: 'November 2022', type: 'DATE' });
  });
});

describe('question analysis on tags', () => {
  it.each([
    ['How many farmers in the valley need seed, according to the ministry?', 'farmer'],
    ['How many Dutch cyclists are waiting near the bridge?', 'cyclist'],
    ['How many fishing boats left the harbour?', 'boat'],
    ['How much did it cost?', null],
  ])('"%s" counts %s', (question, counted) => {
    expect(countedLemma(parse(question))).toBe(counted);
  });

  it.each([
    ['Which city hosted the summit?', 'hosted', 'summit'],
    ['What was agreed in Istanbul?', 'agreed', null],
    ['Did Russia launch its invasion?', 'launch', 'invasion'],
    ['How long did the session last?', 'last', null],
  ])('"%s" turns on %s (object %s)', (question, verb, object) => {
    expect(focusVerb(parse(question), noNames)).toEqual({ verb, object });
  });

  it('gives no focus for a light verb', () => {
    expect(focusVerb(parse('Where did the talks take place?'), noNames)).toBeNull();
  });
});
