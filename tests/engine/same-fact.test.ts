import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { sameClaim, sameFact } from '../../core/engines/extractive/similarity.ts';

const passage = (documentId: string, publishedAt: string | null, text: string): RetrievedPassage => ({
  id: `${documentId}:0`,
  documentId,
  ordinal: 0,
  text,
  start: 0,
  end: text.length,
  score: 0,
  document: { id: documentId, title: null, outlet: null, author: null, publishedAt, url: null, language: 'en' },
});

const FLOW =
  'Under the treaty each river basin must keep a minimum flow of 2,700 cubic hectometres a year, officials said.';
const FLOW_OTHER_WORDS =
  'Every basin is guaranteed 2,700 cubic hectometres of water yearly, a figure farmers had demanded.';
const FILLER = [
  'Farmers in the south welcomed the accord after two dry summers.',
  'Environmental groups said it came too late for the wetlands.',
  'The first joint inspection is planned for June.',
  'Trade talks between two other neighbours resumed on the same day.',
  'A commission will measure the river every week from now on.',
  'The ministers met for eleven hours before agreeing on the text.',
  'Opposition parties in both capitals criticised the secrecy of the negotiations.',
  'Fishermen asked for a separate deal on the estuary.',
  'The last such agreement dates from the previous century.',
  'Rain in the north filled several reservoirs this winter.',
  'Electricity companies said hydropower output would not change.',
  'A court challenge is expected from one of the regional governments.',
];

function units(flowDate: string | null, otherDate: string | null) {
  const ctx = buildContext([
    passage('a', flowDate, FLOW),
    passage('b', otherDate, FLOW_OTHER_WORDS),
    ...FILLER.map((text, i) => passage(`f${i}`, '2024-03-04', text)),
  ]);
  const find = (id: string) => ctx.units.find((u) => u.passage.documentId === id);
  return { a: find('a'), b: find('b'), idf: ctx.idf };
}

describe('sameFact', () => {
  it('joins two outlets telling one fact in their own words the same day, where sameClaim does not', () => {
    const { a, b, idf } = units('2024-03-04', '2024-03-04');
    if (!a || !b) throw new Error('units missing');
    expect(sameClaim(a, b, idf)).toBe(false);
    expect(sameFact(a, b, idf)).toBe(true);
  });

  it('keeps reports of different days apart, and joins an undated one', () => {
    const apart = units('2024-03-04', '2024-03-09');
    if (!apart.a || !apart.b) throw new Error('units missing');
    expect(sameFact(apart.a, apart.b, apart.idf)).toBe(false);
    const undated = units('2024-03-04', null);
    if (!undated.a || !undated.b) throw new Error('units missing');
    expect(sameFact(undated.a, undated.b, undated.idf)).toBe(true);
  });

  it('does not join a sentence about something else of the same day', () => {
    const ctx = buildContext([
      passage('a', '2024-03-04', FLOW),
      ...FILLER.map((text, i) => passage(`f${i}`, '2024-03-04', text)),
    ]);
    const [a, ...others] = [...ctx.units].sort((x, y) => x.passage.documentId.localeCompare(y.passage.documentId));
    if (!a) throw new Error('units missing');
    for (const other of others) expect(sameFact(a, other, ctx.idf), other.text).toBe(false);
  });
});
