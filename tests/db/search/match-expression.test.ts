import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupExpression, matchExpression, quotePhrase } from '../../../db/search/match-expression.ts';

describe('matchExpression', () => {
  it('quotes every phrase and joins groups with OR', () => {
    expect(quotePhrase('say "hi"')).toBe('"say ""hi"""');
    expect(groupExpression(['nato'])).toBe('"nato"');
    expect(groupExpression(['us', 'united states'])).toBe('("us" OR "united states")');
    expect(matchExpression([['nato'], [], ['us', 'united states']])).toBe('"nato" OR ("us" OR "united states")');
    expect(matchExpression([])).toBeNull();
    expect(matchExpression([[]])).toBeNull();
  });

  it('leaves no user character as FTS5 syntax: hostile phrases run as plain strings', () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')");
      db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)').run('NEAR talks AND col y');
      const hostile = [['near(a b)'], ['"x'], ['col:y'], ['*'], ['and', 'or not'], ["'; drop table t; --"]];
      const expression = matchExpression(hostile) as string;
      const outsideQuotes = expression.replace(/"(?:[^"]|"")*"/g, '');
      expect(outsideQuotes.replace(/\bOR\b|[()\s]/g, '')).toBe('');
      expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expression)).not.toThrow();
    } finally {
      db.close();
    }
  });
});
