import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../core/analysis/disagreements.ts';
import { passage } from './passage-fixture.ts';

const reuters = passage('reuters', 'Reuters', 'Russia has massed about 100,000 troops near the border with Ukraine.');
const ap = passage(
  'ap',
  'AP',
  'Moscow has massed some 100,000 troops near the Ukrainian border, Western officials say.',
);
const fox = passage('fox', 'Fox', 'Russia has massed 90,000 troops near the border with Ukraine.');
const vague = passage('cnn', 'CNN', 'Russia has massed tens of thousands of troops near the border with Ukraine.');

const cite = (p: typeof reuters) => ({ passage: p, quote: p.text });

describe('findDisagreements', () => {
  it('reports counts of the same noun that differ, with each version and its outlets', () => {
    const [found, ...rest] = findDisagreements([cite(reuters)], [ap, fox]);
    expect(rest).toEqual([]);
    expect(found?.about).toBe('the number of troops');
    expect(found?.versions.map((v) => [v.display, v.facts.map((f) => f.passage.document.outlet)])).toEqual([
      ['about 100,000', ['Reuters', 'AP']],
      ['90,000', ['Fox']],
    ]);
  });

  it('finds no contradiction when the values agree, vague ones included', () => {
    expect(findDisagreements([cite(reuters)], [ap, vague])).toEqual([]);
  });

  it('compares only what the reply cites', () => {
    const other = passage('x', 'X', 'The talks lasted seven hours in Geneva.');
    expect(
      findDisagreements([cite(reuters)], [other, passage('y', 'Y', 'The talks lasted two hours in Geneva.')]),
    ).toEqual([]);
  });

  it('reports durations of the same event that differ', () => {
    const a = passage('a', 'DW', 'Sherman and Ryabkov met for two hours at a working dinner in Geneva.');
    const b = passage('b', 'TASS', 'Sherman and Ryabkov met for three hours at a working dinner in Geneva.');
    const [found] = findDisagreements([cite(a)], [b]);
    expect(found?.versions.map((v) => v.display)).toEqual(['two hours', 'three hours']);
  });

  it('reports different written-out dates for the same event, and never compares weekday readings', () => {
    const a = passage('a', 'DW', 'The working dinner of Sherman and Ryabkov in Geneva took place on 9 January 2022.');
    const b = passage('b', 'TASS', 'The working dinner of Sherman and Ryabkov in Geneva took place on 8 January 2022.');
    const same = passage(
      'c',
      'AFP',
      'The working dinner of Sherman and Ryabkov in Geneva took place on January 9, 2022.',
    );
    const [found] = findDisagreements([cite(a)], [b, same]);
    expect(found?.about.startsWith('the date')).toBe(true);
    expect(found?.versions.map((v) => [v.display, v.facts.length])).toEqual([
      ['2022-01-09', 2],
      ['2022-01-08', 1],
    ]);
    const weekday = passage(
      'd',
      'X',
      'The working dinner of Sherman and Ryabkov in Geneva took place on Saturday.',
      '2022-01-10',
    );
    expect(findDisagreements([cite(a)], [weekday])).toEqual([]);
  });

  it('reports a quoted line that outlets put in different mouths', () => {
    const a = passage('a', 'DW', '"We will not agree to any concession at all," said Ryabkov.');
    const b = passage('b', 'Daily', '"We will not agree to any concession at all," said Lavrov.');
    const c = passage('c', 'TRT', '"We will not agree to any concession at all," Sergei Ryabkov said.');
    const [found] = findDisagreements([cite(a)], [b, c]);
    expect(found?.about).toBe('who said the words beginning “We will not agree to”');
    expect(found?.versions.map((v) => [v.display, v.facts.length])).toEqual([
      ['Ryabkov', 2],
      ['Lavrov', 1],
    ]);
  });
});
