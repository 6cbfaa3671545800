import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { numeral, satisfiesType, statesDuration } from '../../core/engines/extractive/answer-types.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { analyzeQuestion } from '../../core/engines/extractive/question.ts';
import { testPassage } from '../support/built-replies.ts';

describe('numeral', () => {
  it.each([
    ['17', null],
    ['2,500', null],
    ['forty-two', null],
    ['twelve', null],
    ['3%', null],
    ['9-point', 'point'],
    ['ten-day', 'day'],
    ['twenty-one-gun', 'gun'],
  ])('reads %s as a number counting %s', (word, counted) => {
    expect(numeral(word)).toEqual({ counted });
  });

  it.each(['summit', 'point-blank', 'G7'])('does not read %s as a number', (word) => {
    expect(numeral(word)).toBeNull();
  });
});

describe('statesDuration', () => {
  it.each([
    ['The hearing ran for 90 minutes.', true],
    ['After a nine-hour session the panel adjourned.', true],
    ['The envoys were given a few days to reply.', true],
    ['She arrived on a week-long tour of the region.', true],
    ['Talks went on overnight.', true],
    ['The minister arrived on Tuesday in Oslo.', false],
    ['Three ministers signed the text.', false],
  ])('%s → %s', (text, expected) => {
    expect(statesDuration(text)).toBe(expected);
  });
});

describe('satisfiesType for "who"', () => {
  const article = [
    'The ceasefire between the two militias took hold on Sunday after weeks of shelling.',
    'Qatar and Egypt brokered the ceasefire after talks in Doha.',
    'UN envoy Laila Haddad brokered the ceasefire after talks in Doha, she said.',
    'Spokesman Omar Nasser said the truce would be reviewed weekly.',
    'The ceasefire was announced after talks that lasted all night.',
  ].join(' ');
  const passage = (text: string): RetrievedPassage =>
    testPassage({ documentId: 'a', text, title: null, outlet: null, publishedAt: '2024-03-04' });

  it.each([
    ['Who brokered the ceasefire?', 'envoy Laila Haddad', 1],
    // A country or a body acts as a person does in news: a near miss, not a refusal of the type.
    ['Who brokered the ceasefire?', 'Qatar and Egypt', 0.5],
    ['Who brokered the ceasefire?', 'lasted all night', 0],
    // A post is asked: only a person holding it answers.
    ['Who is the spokesman?', 'Qatar and Egypt', 0],
    ['Who is the spokesman?', 'Spokesman Omar Nasser', 1],
  ])('%s — the sentence with "%s" → %s', (question, marker, expected) => {
    const ctx = buildContext([passage(article)]);
    const unit = ctx.units.find((u) => u.text.includes(marker));
    if (!unit) throw new Error(`no unit holds ${marker}`);
    expect(satisfiesType(unit, analyzeQuestion(question, ctx.lexicon, ctx.units))).toBe(expected);
  });
});
