import { describe, expect, it } from 'vitest';
import type { Passage } from '../../core/corpus.ts';
import { expandedGroups } from '../../core/pipeline/expand-query.ts';
import { storyDocuments, storyWords } from '../../core/pipeline/story-documents.ts';

const passage = (documentId: string, ordinal: number, text: string): Passage => ({
  id: `${documentId}:${ordinal}`,
  documentId,
  ordinal,
  text,
  start: 0,
  end: text.length,
});

/** Two stories of the same month: a water treaty in Lisbon, and unrelated trade talks. */
const HITS = [
  passage(
    'treaty-a',
    0,
    'Portugal and Spain signed a water treaty in Lisbon on Monday, ministers Duarte and Ferrer said.',
  ),
  passage(
    'treaty-b',
    0,
    'The Lisbon water treaty gives each river basin a minimum flow, Duarte told reporters in March.',
  ),
  passage('treaty-c', 1, 'Ferrer said the treaty ends a decade of quarrels over the Tagus, Duarte agreed.'),
  passage('trade-a', 0, 'Trade talks between Chile and Peru resumed in March after a pause.'),
  passage('trade-b', 0, 'Peru said the talks in March would cover copper tariffs.'),
];

describe('storyDocuments', () => {
  it('keeps the documents covering the topic words, not those sharing only its date or a common word', () => {
    const groups = expandedGroups('The Lisbon water treaty talks (March 2024)');
    const found = storyDocuments(HITS, groups);
    expect(found).toEqual(expect.arrayContaining(['treaty-a', 'treaty-b']));
    expect(found).not.toContain('trade-a');
    expect(found).not.toContain('trade-b');
  });

  it('finds nothing when no hit matches a topic word', () => {
    expect(storyDocuments(HITS, [['volcano']])).toEqual([]);
  });
});

describe('storyWords', () => {
  it('gives the names the story documents share and the topic does not say', () => {
    const groups = expandedGroups('The Lisbon water treaty');
    const words = storyWords(HITS, ['treaty-a', 'treaty-b', 'treaty-c'], groups);
    expect(words).toContain('duarte');
    expect(words).not.toContain('treaty');
    expect(words).not.toContain('march');
    expect(words).not.toContain('peru');
  });
});
