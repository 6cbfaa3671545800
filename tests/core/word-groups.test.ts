import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { femaleFirstNames, knownPeople } from '../../core/entities/vocabulary.ts';
import { ConfigError } from '../../core/errors.ts';
import { extendKnowledge } from '../../core/knowledge/word-groups.ts';
import { lemma as stem } from '../../core/language/lemma.ts';
import { synonymGroups } from '../../core/language/synonyms.ts';
import { expandTerm } from '../../core/retrieval/aliases.ts';

const dir = mkdtempSync(join(tmpdir(), 'attache-knowledge-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

afterEach(() => extendKnowledge({}));

describe('domain knowledge as data', () => {
  it.each([
    ['usa', 'washington'],
    ['russia', 'kremlin'],
    ['nato', 'alliance'],
  ])('ships %s and %s as one alias group', (a, b) => {
    expect(expandTerm(a)).toContain(b);
    expect(synonymGroups(stem(a)).some((g) => g.words.includes(b))).toBe(true);
  });

  it('adds the operator aliases and people, and replaces them on a second call', () => {
    expect(expandTerm('ecowas')).toEqual(['ecowas']);
    extendKnowledge({
      aliasesFile: file('aliases.json', { aliases: [['ECOWAS', 'Economic Community of West African States']] }),
      peopleFile: file('people.json', { femaleFirstNames: ['Aminata'], knownPeople: { Tinubu: 'male' } }),
    });
    expect(expandTerm('ecowas')).toContain('economic community of west african states');
    expect(femaleFirstNames().has('aminata')).toBe(true);
    expect(knownPeople().get('tinubu')).toBe('male');
    extendKnowledge({});
    expect(expandTerm('ecowas')).toEqual(['ecowas']);
    expect(knownPeople().has('tinubu')).toBe(false);
  });

  it('refuses an unreadable or malformed file with a config error naming the variable', () => {
    expect(() => extendKnowledge({ aliasesFile: join(dir, 'missing.json') })).toThrow(ConfigError);
    expect(() => extendKnowledge({ aliasesFile: file('bad.json', { aliases: [['lonely']] }) })).toThrow(/ALIASES_FILE/);
  });
});
