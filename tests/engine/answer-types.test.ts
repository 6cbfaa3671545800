import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { numeral, satisfiesType, statesDuration } from '../../core/engines/extractive/answer-types.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { analyzeQuestion } from '../../core/engines/extractive/question.ts';
import { detectType } from '../../core/engines/extractive/question-type.ts';
import { testPassage } from '../support/built-replies.ts';

describe('numeral', () => {
  it.each([
    ['17', null],
    ['13th', null],
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
    // The point a stretch of time runs from answers "how long" as well.
    ['The two sides have been talking since March 2019.', true],
    ['Delegates have met twice since the start of the year.', true],
    ['No one has seen the envoy since.', false],
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

describe('satisfiesType for other kinds of answer', () => {
  const article = [
    'Ferry crossings between the two islands are expected to resume in three weeks.',
    'The two envoys first met when both were students in Lyon.',
    'The harbour forum opens on Sept. 12 with a speech by the governor.',
    'Negotiations over the fishing quota have dragged on since March 2019.',
    'The landslide killed two near the quarry, while five others were hurt.',
    'The mission sent 14 unarmed civilian ceasefire monitoring observers to the border.',
    'It was the 9th summit of the coastal states.',
    'The rebels freed 12 hostages on Friday.',
    'Some 3,000 people left the delta after the flooding.',
    'The delegates met in Norway last spring.',
    'The ferry deal was reached under the mediation of Norway.',
    'The fishing truce was brokered by the regional mediation panel.',
    'It ended in a Norway-brokered truce.',
    'Port agency spokesperson Omar Nasser said crossings would resume.',
    'Omar Nasser has agreed to reopen the harbour, the governor said.',
    'Omar Nasser travelled to the islands on a fishing boat.',
    'The harbour has been closed for repairs, a notice said.',
  ].join(' ');
  const passage = (text: string): RetrievedPassage =>
    testPassage({ documentId: 'a', text, title: null, outlet: null, publishedAt: '2024-03-04' });

  it.each([
    // A day counted from the article's own, or an event given for the time.
    ['When will ferry crossings resume?', 'in three weeks', 1],
    ['When does the harbour forum open?', 'Sept. 12', 1],
    ['When does the harbour forum open?', 'unarmed civilian', 0],
    ['How long have the fishing quota negotiations gone on?', 'since March 2019', 1],
    // A count said with the verb the question uses, or at the end of a longer noun phrase.
    ['How many people did the landslide kill?', 'killed two', 1],
    ['How many observers did the mission send?', 'rebels freed 12', 0.5],
    ['How many boats did the rebels free?', 'rebels freed 12', 0.5],
    ['How many observers did the mission send?', '14 unarmed', 1],
    ['How many summits have the coastal states held?', '9th summit', 1],
    // What is counted may be a kind of what is asked, or what it is a kind of (WordNet's hierarchy).
    ['How many captives did the rebels free?', '12 hostages', 1],
    ['How many residents left the delta?', '3,000 people', 0.75],
    ['How many captives did the rebels free?', '14 unarmed', 0.5],
    // "Which country" is answered by a country wherever the sentence names it.
    ['Which country mediated the ferry deal?', 'mediation of Norway', 1],
    // Who did it, written as a passive agent or fused to the participle.
    ['Who brokered the fishing truce?', 'regional mediation panel', 1],
    ['Who brokered the fishing truce?', 'Norway-brokered', 1],
    ['Who brokered the fishing truce?', 'in three weeks', 0],
    // A post in another of its gendered forms.
    ["Who is the port agency's spokesman?", 'spokesperson Omar Nasser', 1],
    // What the asked person did, reported by another (an answer) or only told (half of one).
    ['What did Omar Nasser promise about the harbour?', 'has agreed to reopen', 1],
    ['What did Omar Nasser promise about the harbour?', 'travelled to the islands', 0.5],
    ['What did Omar Nasser promise about the harbour?', 'closed for repairs', 0],
    // A speaker asked by post: someone holding it speaks (an answer), someone else (half of one).
    ["What did the harbour authority's spokesman say?", 'spokesperson Omar Nasser', 1],
    ["What did the harbour authority's spokesman say?", 'closed for repairs', 0.5],
  ])('%s — the sentence with "%s" → %s', (question, marker, expected) => {
    const ctx = buildContext([passage(article)]);
    const unit = ctx.units.find((u) => u.text.includes(marker));
    if (!unit) throw new Error(`no unit holds ${marker}`);
    expect(satisfiesType(unit, analyzeQuestion(question, ctx.lexicon, ctx.units))).toBe(expected);
  });
});

describe('question types', () => {
  it.each([
    // "Why" asks for a cause even with a speech verb; a comma ends the speaker ("…, according to the report").
    ['why did the minister say the talks had failed?', 'general'],
    ['why had the talks stalled, according to the ministry report?', 'general'],
    ['what did the minister say about the talks?', 'quote'],
    ['how did the envoy describe the talks?', 'quote'],
  ])('%s → %s', (question, type) => {
    expect(detectType(question).type).toBe(type);
  });

  it.each([
    ['Who is Omar Nasser?', 'role'],
    // A name and more asks for a person, not for the named one's post.
    ['Who was Nasser angry with?', 'person'],
  ])('%s → %s', (question, type) => {
    const ctx = buildContext([passage('Port agency spokesperson Omar Nasser said crossings would resume.')]);
    expect(analyzeQuestion(question, ctx.lexicon, ctx.units).type).toBe(type);
  });
  const passage = (text: string): RetrievedPassage =>
    testPassage({ documentId: 'a', text, title: null, outlet: null, publishedAt: '2024-03-04' });
});
