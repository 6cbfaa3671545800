import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { tokenize } from '../../core/language/tokenize.ts';
import { buildMatchQuery } from '../../core/retrieval/match-query.ts';
import { searchPassages } from '../../core/retrieval/search-passages.ts';
import { seededStore } from '../support/seeded-store.ts';

const { database, store } = await seededStore();
afterAll(() => database.close());

const HOSTILE = [
  '"unbalanced quote',
  'Ryabkov" OR "1"="1',
  'NEAR(russia nato, 3)',
  'russia AND OR NOT nato',
  'AND',
  'NOT NOT NOT',
  'talk*',
  '*',
  'text: Geneva',
  'passages_fts: Ryabkov',
  "'; DROP TABLE passages; --",
  'SELECT * FROM documents WHERE 1=1',
  '^Geneva',
  '(Geneva',
  'Geneva)',
  '{Ryabkov Sherman}',
  '🇺🇦🇷🇺 🤝',
  'روسيا والولايات المتحدة',
  'מה קרה בז׳נבה?',
  'Genève Rjabkow',
  '-Russia',
  '+++',
  'U.S.-Russia talks',
  'x'.repeat(1999),
];

describe('searchPassages', () => {
  it.each(HOSTILE)('answers %j without throwing anything but results', async (text) => {
    const result = await searchPassages(store, text, 10);
    expect(Array.isArray(result.passages)).toBe(true);
    for (const passage of result.passages) expect(passage.text.length).toBeGreaterThan(0);
  });

  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['a'.repeat(5000), 'too_long'],
    ['Geneva\u0000talks', 'not_text'],
  ])('rejects %j with a clear input error', async (text, code) => {
    let caught: unknown;
    try {
      await searchPassages(store, text, 10);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe(code);
    expect((caught as InputError).message.length).toBeGreaterThan(10);
  });

  it('rejects input that is not text', async () => {
    await expect(searchPassages(store, 42, 10)).rejects.toThrow(InputError);
  });

  it('ranks the passages about the question first', async () => {
    const { passages } = await searchPassages(store, 'Ryabkov concession', 5);
    expect(passages[0]?.text).toMatch(/concession/i);
    expect(passages[0]?.text).toMatch(/Ryabkov/);
    const scores = passages.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('expands domain aliases (Sergey finds Sergei, negotiations finds talks)', async () => {
    const sergey = (await searchPassages(store, 'Sergey', 20)).passages.map((p) => p.text);
    expect(sergey.some((t) => t.includes('Sergei Ryabkov'))).toBe(true);
    const negotiations = (await searchPassages(store, 'negotiations Geneva', 5)).passages;
    expect(negotiations.some((p) => /talks/i.test(p.text))).toBe(true);
  });

  it('finds "U.S." spelled with dots when asked about the US or Washington', async () => {
    const texts = (await searchPassages(store, 'Washington Kremlin optimistic', 10)).passages.map((p) => p.text);
    expect(texts.some((t) => t.includes('U.S.'))).toBe(true);
  });

  it('gives no passages, not an error, when only stop-words or symbols remain', async () => {
    expect((await searchPassages(store, 'what is the', 10)).passages).toEqual([]);
    expect((await searchPassages(store, '🙂 ?! …', 10)).passages).toEqual([]);
  });

  it('asks the store for plain words only, whatever syntax the user typed', () => {
    const { groups } = buildMatchQuery('NEAR(a b) "x" col:y * AND');
    expect(groups.length).toBeGreaterThan(0);
    for (const phrase of groups.flat()) expect(phrase).toMatch(/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u);
  });

  it('tokenizes the country but not the pronoun "us"', () => {
    expect(tokenize('What did the US offer us?')).toEqual(['usa', 'offer']);
  });
});
