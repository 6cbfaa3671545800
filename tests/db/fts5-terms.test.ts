import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { fts5Terms } from '../../db/repositories/fts5-terms.ts';
import { createCorpusGenerator } from '../bench/corpus-generator.ts';
import { loadSeedMaterial } from '../bench/seed-material.ts';
import { seededStore } from '../support/seeded-store.ts';

/** What FTS5 itself makes of each text, read back through fts5vocab (same tokenizer as passages_fts). */
function sqliteTerms(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    db.transaction(() => {
      for (const [i, text] of texts.entries()) insert.run(i + 1, text);
    })();
    const out: string[][] = texts.map(() => []);
    const rows = db.prepare('SELECT term, doc FROM v ORDER BY doc, offset').raw().all() as [string, number][];
    for (const [term, doc] of rows) out[doc - 1]?.push(term);
    return out;
  } finally {
    db.close();
  }
}

describe('fts5Terms', async () => {
  const { database, store } = await seededStore();
  afterAll(() => database.close());

  it('stems every word of the seeds and of the synthetic vocabulary as SQLite does', async () => {
    const seedWords = (await store.listPassages()).flatMap((p) => p.text.split(/\s+/));
    const words = [...new Set([...seedWords, ...createCorpusGenerator(loadSeedMaterial(), 1).vocabulary])];
    expect(words.length).toBeGreaterThan(50_000);
    const expected = sqliteTerms(words);
    const mismatches = words.filter((word, i) => fts5Terms(word).join(' ') !== expected[i]?.join(' '));
    expect(mismatches).toEqual([]);
  });

  it('splits whole passages into the same terms, in order', async () => {
    const texts = (await store.listPassages()).map((p) => p.text);
    const expected = sqliteTerms(texts);
    expect(texts.map((text) => fts5Terms(text))).toEqual(expected);
  });

  it('handles Porter edge cases, digits, apostrophes and accents like SQLite', () => {
    const tricky = [
      'generalization conditional hopping filing troubled relational formalize',
      "Russia's U.S. 2022 10th COVID-19 e-mail don't",
      'ies eed ed ing sses ays skies dying agreed feed',
      'Genève São Paulo naïve café Zürich Ærøskøbing',
      `${'a'.repeat(70)} ${'abilities'.repeat(8)}`,
    ];
    const expected = sqliteTerms(tricky);
    expect(tricky.map((text) => fts5Terms(text))).toEqual(expected);
  });

  it('leaves words outside the wanted initials unstemmed but in place', () => {
    expect(fts5Terms('Negotiators met the negotiating team', new Set(['n']))).toEqual(['negoti', '', '', 'negoti', '']);
  });
});
