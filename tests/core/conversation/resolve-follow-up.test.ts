import { describe, expect, it } from 'vitest';
import { focusDocuments } from '../../../core/conversation/focus.ts';
import { roleDescriptions } from '../../../core/conversation/referents.ts';
import { mayBeFollowUp, resolveFollowUp } from '../../../core/conversation/resolve-follow-up.ts';
import { analyzePassage } from '../../../core/entities/analyze-text.ts';
import { buildLexicon } from '../../../core/entities/lexicon.ts';
import type { ConversationTurn } from '../../../core/ports/conversation-store.ts';

// Made-up news sentences: the names the resolver may put in place of a pronoun come from what was retrieved.
const lexicon = buildLexicon(
  [
    'Foreign Minister Marco Bellini said he regretted the decision.',
    'Envoy Anna Berg met Deputy Foreign Minister Lars Holm on Monday in Oslo. She said the talks had been useful.',
    'Peru and Chile signed the accord in Lima, Foreign Minister Pedro Ruiz said.',
    'The Daily Post reported that Ottawa had rejected the plan.',
  ].map((text, ordinal) => analyzePassage({ id: `test:${ordinal}`, text })),
);

/** A remembered turn: the user's request (already resolved) and the names its reply showed. */
function turn(request: string, entities: string[] = [], shown: string[] = []): ConversationTurn {
  return {
    conversationId: 'console:test',
    createdAt: '2023-07-01T10:00:00.000Z',
    kind: 'answer',
    request,
    resolvedRequest: request,
    status: shown.length > 0 ? 'answered' : 'refused',
    replyText: '',
    entities,
    shownPassageIds: shown,
    pendingPassageIds: [],
  };
}

describe('resolveFollowUp', () => {
  const cases: { name: string; history: ConversationTurn[]; question: string; resolved: string }[] = [
    {
      name: 'his: the person the user described by role, before one a later reply named',
      history: [
        turn('How did the UN secretary-general respond to the vote?'),
        turn('How much aid got through?', ['Lars Holm']),
      ],
      question: 'And what did his chief of staff say?',
      resolved: "what did the UN secretary-general's chief of staff say",
    },
    {
      name: 'a possessive description stays whole',
      history: [turn("What did Chile's foreign minister say he came to Lima to do?")],
      question: 'Whose job is it now, in his view?',
      resolved: "Whose job is it now, in Chile's foreign minister's view?",
    },
    {
      name: 'them: people the last question described in the plural',
      history: [turn('When did the Greek and Turkish defence ministers first meet?')],
      question: 'Who hosted them?',
      resolved: 'Who hosted the Greek and Turkish defence ministers?',
    },
    {
      name: 'them: never a thing ("troops") read as people',
      history: [turn('How many troops did Norway send?')],
      question: 'What did Sweden say about them?',
      resolved: 'What did Sweden say about them?',
    },
    {
      name: 'they: the country asked about, even one the passages do not name',
      history: [turn('When did Norway walk away from the accord?')],
      question: 'What reason did they give?',
      resolved: 'What reason did Norway give?',
    },
    {
      name: 'they: the body asked about (an acronym), not the place after "to"',
      history: [turn('Who led the OSCE mission to Tbilisi?')],
      question: 'Did they see the president?',
      resolved: 'Did OSCE see the president?',
    },
    {
      name: 'they: the person asked about and the one the answer paired them with',
      history: [turn('Who did Anna Berg meet in Oslo?', ['Anna Berg', 'Lars Holm'], ['test:1'])],
      question: 'How long did they talk?',
      resolved: 'How long did Anna Berg and Lars Holm talk?',
    },
    {
      name: 'they: two people an answer alone named are not who the user means',
      history: [turn('Who signed it for each side?', ['Anna Berg', 'Lars Holm'], ['test:1'])],
      question: 'How long did they talk?',
      resolved: 'How long did they talk?',
    },
    {
      name: 'their president: a country has a president, two people do not',
      history: [turn('Who signed the accord for Peru?', ['Pedro Ruiz', 'Lars Holm'], ['test:2'])],
      question: 'What did their president say?',
      resolved: "What did Peru's president say?",
    },
    {
      name: 'he: a name the question gives first explains its own pronoun',
      history: [turn('What did Anna Berg say?', ['Anna Berg'])],
      question: 'What did Marco Bellini say he regretted?',
      resolved: 'What did Marco Bellini say he regretted?',
    },
    {
      name: 'a plural description in the question does not explain "him"',
      history: [turn('Did Marco Bellini meet the envoys?', ['Marco Bellini'])],
      question: 'What did the envoys tell him?',
      resolved: 'What did the envoys tell Marco Bellini?',
    },
    {
      name: '"and X\'s envoy?" swaps a possessive slot and keeps it possessive',
      history: [turn("What was Ottawa's response to the vote?")],
      question: "And Madrid's envoy?",
      resolved: "What was Madrid's envoy's response to the vote?",
    },
    {
      name: '"and X\'s president?" swaps the described person, not a word the lexicon also knows as a name',
      history: [turn('Where did the Kenyan president post that?')],
      question: "And Ghana's president?",
      resolved: "Where did Ghana's president post that?",
    },
    {
      name: '"and the X side?" takes the place of the last country or body, the slot a question ends on',
      history: [turn('Who signed the Lima accord on behalf of the UN?')],
      question: 'and the Oslo side?',
      resolved: 'Who signed the Lima accord on behalf of the Oslo side?',
    },
    {
      name: '"and the <nationality> side?" is a party: it takes the place of the body, not of a place in the frame',
      history: [turn('Who signed the Oslo accord on behalf of the WTO?')],
      question: 'and the Peruvian side?',
      resolved: 'Who signed the Oslo accord on behalf of the Peruvian side?',
    },
    {
      name: 'their president: the party the user named last, ahead of names the resolved question kept',
      history: [
        {
          ...turn('Who signed the Oslo accord on behalf of the Peruvian side?'),
          request: 'and the Peruvian side?',
        },
      ],
      question: 'What did their president say?',
      resolved: "What did the Peruvian side's president say?",
    },
    {
      name: '"and X?" takes the place of a name of its own kind',
      history: [turn('Did Anna Berg meet Lars Holm in Oslo?')],
      question: 'And Marco Bellini?',
      resolved: 'Did Anna Berg meet Marco Bellini in Oslo?',
    },
    {
      name: 'a bare "when?" re-asks the previous question',
      history: [turn('Where did Anna Berg meet Lars Holm?')],
      question: 'when?',
      resolved: 'When did Anna Berg meet Lars Holm?',
    },
  ];
  it.each(cases)('$name', ({ history, question, resolved }) => {
    expect(mayBeFollowUp(question) || /^and\b/i.test(question)).toBe(true);
    expect(resolveFollowUp(question, history, lexicon)).toBe(resolved);
  });
});

describe('roleDescriptions', () => {
  it.each([
    ['How did the UN secretary-general respond?', ['the UN secretary-general']],
    ["What did Iran's lead negotiator say?", ["Iran's lead negotiator"]],
    ["How hopeful was Ali Reza Kani's American counterpart?", ["Ali Reza Kani's American counterpart"]],
    ['What did the three leaders promise?', ['the three leaders']],
    ['What did Kosovo’s prime minister say?', ['Kosovo’s prime minister']],
    ['Did officials say anything?', []],
    ['What did his counterpart say?', []],
  ])('%s', (text, names) => {
    expect(roleDescriptions(text).map((r) => r.name)).toEqual(names);
  });

  it('tells a plural description from a singular one', () => {
    expect(roleDescriptions('Who hosted the foreign ministers and the envoy?').map((r) => r.plural)).toEqual([
      true,
      false,
    ]);
  });
});

describe('focusDocuments', () => {
  const retrieved = (documentIds: string[]): ConversationTurn => ({
    ...turn('When did Norway walk away from the accord?'),
    retrieval: {
      passages: documentIds.map((documentId, i) => ({
        rank: i + 1,
        passageId: `${documentId}:${i}`,
        documentId,
        outlet: null,
        score: 1,
        cited: false,
      })),
      retrieved: documentIds.length,
      engine: 'extractive',
      model: null,
      corpus: { documents: 4, passages: 40 },
    },
  });
  it.each([
    { name: 'the documents the last answer cited', history: [turn('q', [], ['a:1', 'b:2'])], focus: ['a', 'b'] },
    {
      name: 'an earlier answer’s documents over what a refused turn retrieved',
      history: [turn('q', [], ['a:1']), retrieved(['c', 'd'])],
      focus: ['a'],
    },
    {
      name: 'else the documents a refused turn retrieved first',
      history: [retrieved(['c', 'c', 'd', 'e'])],
      focus: ['c', 'd'],
    },
    { name: 'nothing in a new conversation', history: [], focus: [] },
  ])('$name', ({ history, focus }) => {
    expect([...focusDocuments(history)].sort()).toEqual(focus);
  });
});
