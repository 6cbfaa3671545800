import { describe, expect, it } from 'vitest';
import { buildReply, refusedReply } from '../../core/compose/build-reply.ts';
import type { RetrievedPassage } from '../../core/corpus.ts';

function passage(id: string, text: string, publishedAt: string | null, outlet: string | null): RetrievedPassage {
  const [documentId = id] = id.split(':');
  return {
    id,
    documentId,
    ordinal: 0,
    start: 0,
    end: text.length,
    text,
    score: 0,
    document: {
      id: documentId,
      title: `Title of ${documentId}`,
      outlet,
      author: null,
      publishedAt,
      url: null,
      language: 'en',
    },
  };
}

const a = passage('a:0', 'Talks begin in Geneva on Monday.', '2022-01-09', 'DW');
const b = passage('b:0', 'NATO meets Russia on Wednesday.', '2022-01-11', 'Reuters');
const c = passage('c:0', 'Undated text.', null, null);
const passages = new Map([a, b, c].map((p) => [p.id, p]));

describe('buildReply', () => {
  it('numbers citations by first use, appends markers, renders the text and dates the reply', () => {
    const reply = buildReply(
      {
        kind: 'briefing',
        status: 'answered',
        title: 'Geneva talks',
        engine: 'extractive',
        note: 'A note.',
        blocks: [
          {
            text: 'Talks begin Monday.',
            citations: [
              { passageId: 'b:0', quote: 'NATO meets Russia' },
              { passageId: 'a:0', quote: 'Talks begin in Geneva' },
            ],
          },
          {
            text: 'Again.',
            citations: [
              { passageId: 'a:0', quote: 'Talks  begin in Geneva' },
              { passageId: 'c:0', quote: 'Undated' },
            ],
          },
        ],
      },
      passages,
    );
    expect(reply.blocks.map((x) => x.text)).toEqual(['Talks begin Monday. [1][2]', 'Again. [2][3]']);
    expect(reply.blocks.map((x) => x.citations)).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(reply.citations.map((x) => [x.n, x.documentId, x.outlet, x.publishedAt])).toEqual([
      [1, 'b', 'Reuters', '2022-01-11'],
      [2, 'a', 'DW', '2022-01-09'],
      [3, 'c', null, null],
    ]);
    expect(reply.asOf).toBe('2022-01-11');
    expect(reply.text).toBe('Geneva talks\n\n• Talks begin Monday. [1][2]\n• Again. [2][3]\n\nA note.');
    expect(reply.note).toBe('A note.');
  });

  it('drops quotation marks from a title that quotes words no citation contains', () => {
    const reply = buildReply(
      {
        kind: 'answer',
        status: 'answered',
        title: 'Russia "refuses" all',
        engine: 'claude',
        blocks: [{ text: 'Talks.', citations: [{ passageId: 'a:0', quote: 'Talks begin' }] }],
      },
      passages,
    );
    expect(reply.title).toBe('Russia refuses all');
    expect(reply.engine).toBe('claude');
    expect(reply).not.toHaveProperty('note');
  });

  it('gives a partial reply its reason as a part of its own, not a note', () => {
    const reply = buildReply(
      {
        kind: 'answer',
        status: 'partial',
        title: 'Troops',
        engine: 'extractive',
        note: 'The sources do not say how many.',
        blocks: [{ text: 'Talks.', citations: [{ passageId: 'a:0', quote: 'Talks begin' }] }],
      },
      passages,
    );
    expect(reply).toMatchObject({ status: 'partial', reason: 'The sources do not say how many.' });
    expect(reply).not.toHaveProperty('note');
    expect(reply.text).toBe('Troops\n\nTalks. [1]\n\nThe sources do not say how many.');
  });
});

describe('refusedReply', () => {
  it('carries its title, reason and coverage as parts, and says each once in its text', () => {
    const reply = refusedReply({
      kind: 'answer',
      engine: 'extractive',
      reason: 'The sources say nothing that answers this question.',
      coverage: 'The corpus holds 5 news articles.',
    });
    expect(reply).toMatchObject({
      status: 'refused',
      title: 'Not in the sources',
      reason: 'The sources say nothing that answers this question.',
      coverage: 'The corpus holds 5 news articles.',
      blocks: [],
      citations: [],
      asOf: null,
    });
    expect(reply).not.toHaveProperty('note');
    expect(reply.text).toBe(
      'Not in the sources\n\nThe sources say nothing that answers this question. The corpus holds 5 news articles.',
    );
  });

  it('leaves out a coverage that only repeats the reason', () => {
    const reply = refusedReply({
      kind: 'briefing',
      engine: 'claude',
      reason: 'The corpus is empty.',
      coverage: 'The corpus is empty.',
    });
    expect(reply.title).toBe('No briefing on that');
    expect(reply).not.toHaveProperty('coverage');
    expect(reply.text).toBe('No briefing on that\n\nThe corpus is empty.');
  });
});
