import { describe, expect, it } from 'vitest';
import { looksLikeHeadline, statesCause, statesNegation } from '../../core/engines/extractive/answer-evidence.ts';
import { questionForm } from '../../core/engines/extractive/question-type.ts';

describe('looksLikeHeadline', () => {
  it.each([
    ['November 14, 2022 Biden, Xi meet during G20 summit', true],
    ['Envoy Meets Rival Leaders Ahead Of Lakeside Talks.', true],
    ['The two envoys met on the sidelines of the summit in Oslo on Monday.', false],
    ['“We have a deal,” the mediator wrote.', false],
    ['Former Minister of Foreign Affairs of Artsakh, David Babayan, surrendered to Azerbaijani authorities.', false],
    ['NATO Secretary-General Jens Stoltenberg Welcomed Swedish Prime Minister Ulf Kristersson.', true],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeHeadline(text)).toBe(expected);
  });
});

describe('questionForm', () => {
  it.each([
    ['why did the envoy leave early?', 'reason'],
    ['and why not?', 'reason'],
    ['what was the main reason for the delay?', 'reason'],
    ['did the two sides sign anything?', 'polar'],
    ['and will the talks resume?', 'polar'],
    ['was the ceasefire extended?', 'polar'],
    ['who signed the accord?', null],
    ['when did the talks resume?', null],
    ['what did the minister say?', null],
  ])('%s → %s', (question, expected) => {
    expect(questionForm(question)).toBe(expected);
  });
});

describe('statesCause and statesNegation', () => {
  it.each([
    ['The talks stalled because the envoy fell ill.', true, false],
    ['Trade halted in response to the blockade.', true, false],
    ['The ministers did not sign the annex.', false, true],
    ["They won't meet again.", false, true],
    ['No agreement was signed after the meeting.', false, true],
    ['The two sides met in Oslo on Monday.', false, false],
  ])('%s → cause %s, negation %s', (text, cause, negation) => {
    expect(statesCause(text)).toBe(cause);
    expect(statesNegation(text)).toBe(negation);
  });
});
