import { describe, expect, it } from 'vitest';
import type { DevPage } from './corpus-dev/load-corpus-dev.ts';
import { labelledLines, measureExtraction } from './corpus-dev/measure-extraction.ts';

// A made-up labelled page: the headline repeated once as chrome, a caption, a date-stamped first line.
const page: DevPage = {
  file: 'example-01.txt',
  url: null,
  outlet: null,
  published: null,
  story: 'example',
  id: 'example-01',
  path: '/nowhere/example-01.txt',
  raw: [
    ' date 2024-03-05 Envoys meet in Quito for border talks',
    'Envoys meet in Quito for border talks',
    'The envoys met on Tuesday &amp; agreed to meet again.',
    'Two envoys shake hands in Quito on Tuesday.',
  ].join('\n'),
  chromeLines: ['Envoys meet in Quito for border talks', 'Two envoys shake hands in Quito on Tuesday.'],
};

describe('labelledLines', () => {
  it('counts a repeated line once as article and its extra copies as chrome, without the date stamp', () => {
    expect(labelledLines(page)).toEqual({
      chrome: ['two envoys shake hands in quito on tuesday.'],
      article: ['envoys meet in quito for border talks', 'the envoys met on tuesday & agreed to meet again.'],
    });
  });
});

describe('measureExtraction', () => {
  it.each([
    ['Envoys meet in Quito for border talks\n\nThe envoys met on Tuesday & agreed to meet again.', 1, 1],
    ['The envoys met on Tuesday & agreed to meet again.\n\nTwo envoys shake hands in Quito on Tuesday.', 0, 0.5],
  ])('scores stored text %#', async (text, chromeRemoved, articleKept) => {
    const figures = await measureExtraction([page], async () => text);
    expect(figures.chromeRemoved.rate).toBe(chromeRemoved);
    expect(figures.articleKept.rate).toBe(articleKept);
  });
});
