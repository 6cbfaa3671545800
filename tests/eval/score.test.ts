import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation, Reply } from '../../core/reply.ts';
import { DEFAULT_SEEDS_DIR } from './evaluate.ts';
import { loadEvalSet } from './load-eval-set.ts';
import {
  answerMatches,
  type CitationContext,
  citationProblem,
  percentile,
  quotedSpans,
  uncitedBlocks,
} from './score.ts';
import { loadSeedTexts } from './seed-text.ts';

// The scorer must be able to fail: these cases pin down what counts as a right answer and a verbatim citation.
const DW = '003_103cb3a0a2eb9731';
const seeds = loadSeedTexts(DEFAULT_SEEDS_DIR, loadEvalSet().regions);
// Stands in for the app's stored article text: here the whole raw page, so only the region check can catch chrome.
const rawPage = readFileSync(join(DEFAULT_SEEDS_DIR, `${DW}.txt`), 'utf8');
const context: CitationContext = {
  articleText: (id) => (id === DW ? rawPage : null),
  passageDocument: (id) => (id.startsWith(`${DW}:`) ? DW : null),
  seeds,
};

function citation(quote: string, n = 1, documentId = DW): Citation {
  return {
    n,
    documentId,
    passageId: `${documentId}:0`,
    quote,
    outlet: 'DW',
    title: null,
    publishedAt: null,
    url: null,
  };
}

function reply(status: Reply['status'], quotes: string[], blockText = 'A claim. [1]'): Reply {
  const citations = quotes.map((q, i) => citation(q, i + 1));
  return {
    kind: 'answer',
    status,
    title: 't',
    text: blockText,
    blocks: [{ text: blockText, citations: citations.map((c) => c.n) }],
    citations,
    engine: 'extractive',
    asOf: null,
  };
}

describe('answerMatches', () => {
  const quote = '"I don\'t think we\'re going to see any breakthroughs in the coming week," Blinken told CNN.';

  it('accepts an answered reply whose quote holds an expected phrase, whatever the case and spacing', () => {
    expect(answerMatches(reply('answered', [quote]), ['BREAKTHROUGHS  in the coming'])).toBe(true);
  });

  it('rejects a partial reply, a reply without the phrase, and a quote from a document not accepted', () => {
    expect(answerMatches(reply('partial', [quote]), ['breakthroughs'])).toBe(false);
    expect(answerMatches(reply('answered', [quote]), ['Wendy Sherman'])).toBe(false);
    expect(answerMatches(reply('answered', [quote]), ['breakthroughs'], ['004_34825e6753b22c68'])).toBe(false);
  });

  it('accepts the phrase in the text of a cited block', () => {
    expect(answerMatches(reply('answered', [quote], 'Blinken told CNN he sees no breakthrough. [1]'), ['CNN'])).toBe(
      true,
    );
  });
});

describe('citationProblem', () => {
  it('accepts a verbatim article span, whitespace aside', () => {
    expect(citationProblem(citation("\"I don't think we're going to see\n any   breakthroughs"), context)).toBeNull();
  });

  it('flags quotes from page chrome, altered quotes, unknown documents and foreign passages', () => {
    expect(citationProblem(citation('Maxim Shemetov/REUTERS'), context)).toBe('in page chrome');
    expect(citationProblem(citation('Skip to main menu'), context)).toBe('in page chrome');
    expect(citationProblem(citation('we are going to see breakthroughs'), context)).toBe('not in the article text');
    expect(citationProblem(citation('Blinken told CNN', 1, 'nope'), context)).toBe('unknown document');
    expect(citationProblem({ ...citation('Blinken told CNN'), passageId: 'other:1' }, context)).toBe(
      'passage not of this document',
    );
  });
});

describe('helpers', () => {
  it('counts blocks of answered replies that cite nothing or an undefined number', () => {
    const r = reply('answered', ['x']);
    expect(
      uncitedBlocks({
        ...r,
        blocks: [
          { text: 'a', citations: [] },
          { text: 'b', citations: [2] },
        ],
      }),
    ).toBe(2);
    expect(uncitedBlocks(r)).toBe(0);
  });

  it('finds spans in straight and curly quotation marks', () => {
    expect(quotedSpans('He said "no  deal" and “high costs”.')).toEqual(['no deal', 'high costs']);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 95)).toBe(0);
  });
});
