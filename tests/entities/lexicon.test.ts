import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../core/entities/analyze-text.ts';
import { buildLexicon, type Entity } from '../../core/entities/lexicon.ts';

const lexiconOf = (...texts: string[]) => buildLexicon(texts.map((t) => analyzeText(t)));
const named = (entities: readonly Entity[], name: string) => entities.find((e) => e.name === name);

describe('entities of news sentences', () => {
  it.each([
    // A title with "of" names the title's country, and the name after the comma holds the title.
    [
      'The talks between the President of Serbia, Aleksandar Vucic, and Prime Minister Albin Kurti ended.',
      [
        ['Serbia', 'place'],
        ['Aleksandar Vucic', 'person'],
        ['Albin Kurti', 'person'],
      ],
      ['of Serbia', 'President'],
    ],
    [
      'The Prime Minister of Japan, Fumio Kishida, arrived on Friday.',
      [
        ['Japan', 'place'],
        ['Fumio Kishida', 'person'],
      ],
      ['of Japan'],
    ],
    // A state's formal name is the state.
    [
      'It is an agreement between the Republic of Kosovo and the Islamic Republic of Iran.',
      [
        ['Kosovo', 'place'],
        ['Iran', 'place'],
      ],
      ['Republic', 'Republic of Kosovo'],
    ],
    // Organisation names keep their connectors.
    [
      'Leaders of the Economic Community of West African States met in Abuja.',
      [
        ['Economic Community of West African States', 'org'],
        ['Abuja', 'place'],
      ],
      ['West African States', 'Economic Community'],
    ],
  ] as const)('%s', (sentence, expected, absent) => {
    const { entities } = lexiconOf(sentence);
    for (const [name, kind] of expected) expect(named(entities, name)?.kind, name).toBe(kind);
    for (const name of absent) expect(named(entities, name), name).toBeUndefined();
  });

  it('gives the person after "President of Serbia," that title as a role', () => {
    const { entities } = lexiconOf('The President of Serbia, Aleksandar Vucic, refused to sign.');
    expect(named(entities, 'Aleksandar Vucic')?.roles).toEqual(['President of Serbia']);
  });

  it('files an acronym spelled out in brackets with its full name, under the name the articles mostly use', () => {
    const lexicon = lexiconOf(
      'The Economic Community of West African States (ECOWAS) gave the junta a week.',
      'Leaders of ECOWAS met in Abuja. The bloc said ECOWAS was ready.',
    );
    const [mention] = lexicon.find('What did the Economic Community of West African States decide?');
    expect(mention?.entity.name).toBe('ECOWAS');
    expect(lexicon.find('What did ECOWAS decide?')[0]?.entity).toBe(mention?.entity);
  });

  it('keeps an acronym in brackets apart from a name it does not follow', () => {
    const lexicon = lexiconOf('Talks in Geneva went on. The agency (IAEA) said so.');
    expect(lexicon.find('IAEA')[0]?.entity.name).toBe('IAEA');
    expect(lexicon.find('Geneva')[0]?.entity.forms.has('iaea')).toBe(false);
  });

  it('finds a country written by its formal name when the question uses the short one', () => {
    const lexicon = lexiconOf('The Republic of Artsakh will cease to exist on 1 January.');
    expect(lexicon.find('When will the Artsakh republic stop existing?').map((m) => m.entity.name)).toEqual([
      'Artsakh',
    ]);
  });
});

describe('what is not a name', () => {
  it('keeps an organisation whole when a title word is part of its name', () => {
    const { entities } = lexiconOf('The Ministry of Foreign Affairs in China said the talks were candid.');
    expect(named(entities, 'Ministry of Foreign Affairs in China')?.kind).toBe('org');
    expect(entities.map((e) => e.name)).not.toContain('Affairs in China');
  });

  it('takes no acronym from a common word in capitals', () => {
    const { entities } = lexiconOf('ALSO READ: Leaders of ECOWAS met in Abuja.');
    expect(named(entities, 'ECOWAS')?.kind).toBe('org');
    expect(entities.map((e) => e.name)).not.toContain('ALSO');
  });
});
