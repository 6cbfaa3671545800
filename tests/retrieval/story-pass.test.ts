import { afterAll, describe, expect, it } from 'vitest';
import { expandedGroups } from '../../core/pipeline/expand-query.ts';
import { retrieve } from '../../core/pipeline/retrieve.ts';
import { STORY_PASS_MEASURED, storyExtras } from '../../core/retrieval/story-pass.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { testPassage } from '../support/built-replies.ts';
import { testDocument } from '../support/documents.ts';

const hit = (documentId: string, ordinal: number, text: string, score: number) => ({
  ...testPassage({ documentId, text }, ordinal),
  score,
});

/** A deeper ranking: the treaty story's passages among trade-talk passages of other documents. */
const DEEP = [
  hit('trade-a', 0, 'Trade talks ran late in Lima.', 9),
  hit('treaty', 0, 'Portugal and Spain signed the Lisbon water treaty.', 8),
  hit('trade-b', 0, 'The trade talks ran on in Lima.', 7),
  hit('treaty', 6, 'The talks on the treaty ran for five hours.', 3),
  hit('trade-c', 0, 'Talks ran again in Lima on Friday.', 2),
  hit('treaty', 9, 'Lisbon said the water treaty talks would resume.', 1),
];
const GROUPS = expandedGroups('How long did the Lisbon water treaty talks run?');

describe('storyExtras', () => {
  it("adds the story's further passages not taken, best first, and none of the other stories'", () => {
    const taken = new Set(['trade-a:0', 'treaty:0']);
    expect(storyExtras(DEEP, GROUPS, taken, 5).map((p) => p.id)).toEqual(['treaty:6', 'treaty:9']);
  });

  it('stops at the number asked for, and adds nothing when none is asked for or nothing was found', () => {
    expect(storyExtras(DEEP, GROUPS, new Set(), 1).map((p) => p.id)).toEqual(['treaty:0']);
    expect(storyExtras(DEEP, GROUPS, new Set(), 0)).toEqual([]);
    expect(storyExtras([], GROUPS, new Set(), 5)).toEqual([]);
  });
});

describe('retrieve with the same-story pass', () => {
  const database = openDatabase(':memory:');
  afterAll(() => database.close());
  const store = createCorpusRepository(database.db);

  it('appends the story passages the ordinary hits missed after them, marked as found by the wider pass', async () => {
    const filler = 'The river basin commission published its yearly report on flows.';
    await store.saveDocuments([
      testDocument(
        'treaty',
        'h-treaty',
        'Portugal and Spain signed the Lisbon water treaty on Monday.',
        ...Array.from({ length: 4 }, () => filler),
        'The talks ran for five hours, the ministers said.',
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        testDocument(
          `trade-${i}`,
          `h-trade-${i}`,
          `Trade talks ran late in Lima, and the talks ran on; talks ran ${i}.`,
        ),
      ),
    ]);
    const question = 'How long did the Lisbon water treaty talks run?';
    // Off by default: the ordinary hits and their context only.
    expect((await retrieve(store, question, 3)).some((p) => p.wider)).toBe(false);
    const got = await retrieve(store, question, 3, STORY_PASS_MEASURED);
    const answer = got.findIndex((p) => p.id === 'treaty:5');
    expect(answer).toBeGreaterThanOrEqual(3);
    expect(got[answer]?.wider).toBe(true);
    // Every ordinary hit comes first, and no other story's passage is added by the wider pass.
    expect(got.slice(0, answer).every((p) => !p.wider)).toBe(true);
    expect(got.filter((p) => p.wider && p.documentId !== 'treaty')).toEqual([]);
  });
});
