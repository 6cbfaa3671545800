import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesNothingNew, preferStory, threadDocuments } from '../../../core/conversation/thread.ts';
import type { RetrievedPassage } from '../../../core/corpus.ts';
import type { ConversationTurn } from '../../../core/ports/conversation-store.ts';
import type { CorpusStore } from '../../../core/ports/corpus-store.ts';
import { type OpenedDatabase, openDatabase } from '../../../db/open-database.ts';
import { createCorpusRepository } from '../../../db/repositories/corpus-repository.ts';
import { testDocument } from '../../support/documents.ts';

/** A remembered turn: what the user typed, as resolved, and what the reply said. */
function turn(request: string, replyText = '', shown: string[] = []): ConversationTurn {
  return {
    conversationId: 'console:thread',
    createdAt: '2023-07-01T10:00:00.000Z',
    kind: 'answer',
    request,
    resolvedRequest: request,
    status: shown.length > 0 ? 'answered' : 'refused',
    replyText,
    entities: [],
    shownPassageIds: shown,
    pendingPassageIds: [],
  };
}

// Two made-up stories that share a city and a day: the Tagus water treaty, told by three outlets, and a Lisbon port
// strike.
const STORIES = [
  testDocument(
    'water-1',
    'a',
    'Spain and Portugal signed the Tagus water treaty on Monday, envoys Rita Duarte and Luis Ferrer said.',
    'The treaty guarantees minimum river flows in dry summers.',
  ),
  testDocument(
    'water-2',
    'b',
    'Luis Ferrer and Rita Duarte signed the Tagus water treaty between Spain and Portugal.',
    'The two negotiators called the minimum river flows a fair compromise for farmers.',
  ),
  testDocument(
    'water-3',
    'c',
    'Duarte and Ferrer initialled the Tagus water treaty for Portugal and Spain in Madrid.',
    'Farmers in Extremadura welcomed the treaty, though some said the flows were too low.',
  ),
  testDocument(
    'strike-1',
    'd',
    'Dock workers in Lisbon walked out on Monday, halting container traffic at the port.',
    'The union said the strike would last until the port authority gave them a new contract.',
  ),
  testDocument(
    'strike-2',
    'e',
    'The Lisbon port strike entered its third day as the union rejected a pay offer.',
    'Shipping lines diverted container vessels to Sines, the union said.',
  ),
];

let database: OpenedDatabase;
let store: CorpusStore;
beforeAll(async () => {
  database = openDatabase(':memory:');
  store = createCorpusRepository(database.db);
  await store.saveDocuments(STORIES);
});
afterAll(() => database.close());

describe('threadDocuments', () => {
  it.each([
    {
      name: "the story of the conversation's requests, every outlet that tells it",
      history: [turn('When did Spain and Portugal sign the Tagus water treaty?')],
      story: ['water-1', 'water-2', 'water-3'],
    },
    {
      name: 'the other story when that is what was asked about',
      history: [turn('How long did the Lisbon port strike last?')],
      story: ['strike-1', 'strike-2'],
    },
    {
      name: 'the story of the newest requests when an older one was on another',
      history: [
        turn('How long did the Lisbon port strike last?'),
        turn('Who negotiated the Tagus water treaty for Spain?'),
        turn('What did the Tagus treaty guarantee farmers?'),
        turn('Where was the Tagus treaty signed?'),
      ],
      story: ['water-1', 'water-2', 'water-3'],
    },
    {
      name: 'the documents the last answer cited when the requests name nothing',
      history: [turn('What did they say?', 'The union said so.', ['strike-2:1'])],
      story: ['strike-2'],
    },
  ])('$name', async ({ history, story }) => {
    expect([...(await threadDocuments(store, history))].sort()).toEqual(story);
  });
});

describe('preferStory', () => {
  const passage = (documentId: string, ordinal: number): RetrievedPassage => ({
    id: `${documentId}:${ordinal}`,
    documentId,
    ordinal,
    start: 0,
    end: 4,
    text: 'text',
    score: 1,
    document: { id: documentId, title: null, outlet: null, author: null, publishedAt: null, url: null, language: 'en' },
  });
  it("puts the story's passages first, in their order, and keeps the others after them", () => {
    const ranked = [passage('b', 0), passage('a', 1), passage('c', 0), passage('a', 0), passage('b', 1)];
    expect(preferStory(ranked, new Set(['a', 'c'])).map((p) => p.id)).toEqual(['a:1', 'c:0', 'a:0', 'b:0', 'b:1']);
  });
});

describe('namesNothingNew', () => {
  const history = [turn('What did Duarte tell Ferrer about the Tagus treaty?', 'Spain and Portugal signed it.')];
  it.each([
    ['How did Ferrer answer?', true],
    ['What did the farmers say?', true],
    ["Was Portugal's envoy pleased?", true],
    ['And what did Spain-Portugal agree on?', true],
    ['What did the Extremadura farmers say?', false],
    ['How long did the Lisbon port strike last?', false],
  ])('%s → %s', (question, expected) => {
    expect(namesNothingNew(question, history)).toBe(expected);
  });
  it('is false at the start of a conversation', () => {
    expect(namesNothingNew('How did Ferrer answer?', [])).toBe(false);
  });
});
