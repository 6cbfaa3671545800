import { describe, expect, it } from 'vitest';
import { annotateReply, renumber } from '../../core/analysis/annotate-reply.ts';
import { buildReply } from '../../core/compose/build-reply.ts';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { passage } from './passage-fixture.ts';

function reply(
  kind: 'answer' | 'briefing',
  blocks: { text: string; cite: RetrievedPassage[] }[],
  all: RetrievedPassage[],
) {
  return buildReply(
    {
      kind,
      status: 'answered',
      title: 'T',
      engine: 'extractive',
      blocks: blocks.map((b) => ({ text: b.text, citations: b.cite.map((p) => ({ passageId: p.id, quote: p.text })) })),
    },
    new Map(all.map((p) => [p.id, p])),
  );
}

describe('annotateReply', () => {
  const sunday = passage('trt', 'TRT World', 'Russia on Sunday ruled out any concession, Ryabkov said.', '2022-01-09');

  it('states the calendar date next to the relative wording of a "when" answer', () => {
    const r = reply('answer', [{ text: 'Russia on Sunday ruled out any concession.', cite: [sunday] }], [sunday]);
    const out = annotateReply(r, [sunday], { question: 'When did Russia rule out concessions?' });
    expect(out.blocks[0]?.text).toBe('Russia on Sunday (9 January 2022) ruled out any concession. [1]');
    expect(out.text).toContain('on Sunday (9 January 2022)');
  });

  it('leaves quotations verbatim and puts the date before the markers instead', () => {
    const r = reply('answer', [{ text: '"Russia on Sunday ruled out any concession."', cite: [sunday] }], [sunday]);
    const out = annotateReply(r, [sunday], { question: 'When did Russia rule out concessions?' });
    expect(out.blocks[0]?.text).toBe('"Russia on Sunday ruled out any concession." (on Sunday: 9 January 2022) [1]');
  });

  it('adds no dates to answers of other questions', () => {
    const r = reply('answer', [{ text: 'Russia on Sunday ruled out any concession.', cite: [sunday] }], [sunday]);
    expect(annotateReply(r, [sunday], { question: 'What did Russia rule out?' }).blocks[0]?.text).not.toContain('2022');
  });

  it('attributes every citation', () => {
    const r = reply('answer', [{ text: 'Russia ruled out any concession.', cite: [sunday] }], [sunday]);
    expect(annotateReply(r, [sunday]).citations[0]?.attribution).toEqual({ kind: 'on-record', speaker: 'Ryabkov' });
  });

  it('adds one block citing each differing version with its outlets, and the disagreements field', () => {
    const reuters = passage(
      'reuters',
      'Reuters',
      'Russia has massed about 100,000 troops near the border with Ukraine.',
    );
    const ap = passage('ap', 'AP', 'Russia has massed some 100,000 troops near the Ukrainian border.');
    const fox = passage('fox', 'Fox', 'Russia has massed 90,000 troops near the border with Ukraine.');
    const r = reply(
      'answer',
      [{ text: 'Russia has massed about 100,000 troops.', cite: [reuters] }],
      [reuters, ap, fox],
    );
    const out = annotateReply(r, [reuters, ap, fox], { question: 'How many troops?' });
    expect(out.blocks.at(-1)).toEqual({
      text: 'Outlets differ on the number of troops: about 100,000 (Reuters, AP) [1][2]; 90,000 (Fox) [3].',
      citations: [1, 2, 3],
    });
    expect(out.disagreements).toEqual([
      {
        about: 'the number of troops',
        values: [
          { text: 'about 100,000 (Reuters, AP)', citations: [1, 2] },
          { text: '90,000 (Fox)', citations: [3] },
        ],
      },
    ]);
    expect(out.citations.map((c) => [c.n, c.outlet, c.quote])).toEqual([
      [1, 'Reuters', reuters.text],
      [2, 'AP', ap.text],
      [3, 'Fox', fox.text],
    ]);
  });

  it('keeps a briefing within six bullets: a disagreement joins a full briefing not at all, and cites nothing', () => {
    const reuters = passage(
      'reuters',
      'Reuters',
      'Russia has massed about 100,000 troops near the border with Ukraine.',
    );
    const ap = passage('ap', 'AP', 'Russia has massed some 100,000 troops near the Ukrainian border.');
    const fox = passage('fox', 'Fox', 'Russia has massed 90,000 troops near the border with Ukraine.');
    const six = Array.from({ length: 6 }, (_, i) => ({ text: `Claim ${i + 1} about the troops.`, cite: [reuters] }));
    const full = annotateReply(reply('briefing', six, [reuters, ap, fox]), [reuters, ap, fox]);
    expect(full.blocks).toHaveLength(6);
    expect(full.disagreements).toBeUndefined();
    expect(full.citations.map((c) => c.outlet)).toEqual(['Reuters']);
    const five = annotateReply(reply('briefing', six.slice(1), [reuters, ap, fox]), [reuters, ap, fox]);
    expect(five.blocks).toHaveLength(6);
    expect(five.disagreements).toHaveLength(1);
  });

  it('says nothing of disagreement when the outlets agree', () => {
    const reuters = passage(
      'reuters',
      'Reuters',
      'Russia has massed about 100,000 troops near the border with Ukraine.',
    );
    const ap = passage('ap', 'AP', 'Russia has massed some 100,000 troops near the Ukrainian border.');
    const r = reply('answer', [{ text: 'Russia has massed about 100,000 troops.', cite: [reuters] }], [reuters, ap]);
    const out = annotateReply(r, [reuters, ap]);
    expect(out.disagreements).toBeUndefined();
    expect(out.blocks).toHaveLength(1);
  });

  it('leads a briefing (after its first block) with corroborated, on-record claims, renumbering citations', () => {
    const lead = passage('a', 'A', 'Talks opened in Geneva.');
    const anon = passage('b', 'B', 'Officials said the mood was tense.');
    const x = passage('c', 'C', 'The Kremlin said it saw no reason for optimism.');
    const y = passage('d', 'D', 'Kremlin spokesman Dmitry Peskov said there was no reason for optimism.');
    const r = reply(
      'briefing',
      [
        { text: 'Talks opened.', cite: [lead] },
        { text: 'The mood was tense.', cite: [anon] },
        { text: 'The Kremlin saw no reason for optimism.', cite: [x, y] },
      ],
      [lead, anon, x, y],
    );
    const out = annotateReply(r, [lead, anon, x, y]);
    expect(out.blocks.map((b) => b.text)).toEqual([
      'Talks opened. [1]',
      'The Kremlin saw no reason for optimism. [2][3]',
      'The mood was tense. [4]',
    ]);
    expect(out.citations.map((c) => c.documentId)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('returns a refusal unchanged', () => {
    const r = reply('answer', [], []);
    expect(annotateReply(r, [sunday], { question: 'When?' })).toBe(r);
  });
});

describe('renumber', () => {
  it('numbers citations in order of first use and rewrites markers', () => {
    const c = (n: number) => ({
      n,
      documentId: `d${n}`,
      passageId: `d${n}:0`,
      quote: 'q',
      outlet: null,
      title: null,
      publishedAt: null,
      url: null,
    });
    const out = renumber(
      [
        { text: 'x [2]', citations: [2] },
        { text: 'y [1][2]', citations: [1, 2] },
      ],
      [c(1), c(2)],
    );
    expect(out.blocks).toEqual([
      { text: 'x [1]', citations: [1] },
      { text: 'y [2][1]', citations: [2, 1] },
    ]);
    expect(out.citations.map((x) => [x.n, x.documentId])).toEqual([
      [1, 'd2'],
      [2, 'd1'],
    ]);
  });
});
