import { describe, expect, it } from 'vitest';
import { chunkLines, splitLongLine, truncate } from '../../adapters/discord/embed-packing.ts';
import { COLORS, renderReply, sourceLine } from '../../adapters/discord/render-discord.ts';
import { renderCitations, renderDocuments } from '../../adapters/discord/render-sources.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation, Reply } from '../../core/reply.ts';
import { builtRefusal, builtReply } from '../support/built-replies.ts';
import { expectWithinLimits } from './discord-harness.ts';

const citation = (n: number, extra: Partial<Citation> = {}): Citation => ({
  n,
  documentId: `doc${n}`,
  passageId: `doc${n}:1`,
  quote: `Verbatim quote number ${n}.`,
  outlet: 'Reuters',
  title: 'Kremlin says it is not optimistic on U.S. talks',
  publishedAt: '2022-01-11',
  url: null,
  ...extra,
});

/** A briefing as core builds it: two cited claims from DW (linked) and Reuters. */
const answered: Reply = builtReply({
  title: 'US–Russia security talks in Geneva',
  sources: [
    {
      documentId: 'doc1',
      text: 'Russia ruled out any concession.',
      title: 'Kremlin says it is not optimistic on U.S. talks',
      url: 'https://www.dw.com/a-1',
    },
    {
      documentId: 'doc2',
      text: 'The Kremlin said it was not optimistic.',
      outlet: 'Reuters',
      title: 'Kremlin says it is not optimistic on U.S. talks',
      publishedAt: '2022-01-11',
    },
  ],
  claims: [
    { text: 'Russia ruled out concessions.', quotes: [{ source: 0, quote: 'Russia ruled out any concession.' }] },
    { text: 'The Kremlin was not optimistic.', quotes: [{ source: 1, quote: 'not optimistic' }] },
  ],
});

const withinLimits = (reply: Reply) => {
  const messages = renderReply(reply, { ownerId: '42' });
  for (const m of messages) expectWithinLimits({ ...m, allowed_mentions: { parse: [] } });
  return messages;
};

describe('renderReply', () => {
  it('renders an answer as one embed: bullets with markers, a Sources field, engine and date in the footer', () => {
    const [message, ...rest] = withinLimits(answered);
    expect(rest).toEqual([]);
    const [embed] = message?.embeds ?? [];
    expect(embed).toMatchObject({ title: 'US–Russia security talks in Geneva', color: COLORS.answered });
    expect(embed?.description).toBe('• Russia ruled out concessions. [1]\n• The Kremlin was not optimistic. [2]');
    expect(embed?.fields).toEqual([
      {
        name: 'Sources',
        value:
          '[1] DW, 2022-01-09 — [Kremlin says it is not optimistic on U.S. talks](https://www.dw.com/a-1)\n' +
          '[2] Reuters, 2022-01-11 — Kremlin says it is not optimistic on U.S. talks',
      },
    ]);
    expect(embed?.footer?.text).toBe('Attaché · extractive engine · sources as of 2022-01-11');
    expect(message?.components[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : null))).toEqual([
      'attache:more:42',
      'attache:sources:42',
    ]);
  });

  it('makes a refusal look different: its own colour, its heading and reason once, no Sources field, no buttons', () => {
    const refused = builtRefusal('answer', 'The sources say nothing that answers this question.');
    const [message] = withinLimits(refused);
    const [embed] = message?.embeds ?? [];
    expect(embed?.title).toBe('Not in the sources');
    expect(embed?.color).toBe(COLORS.refused);
    expect(embed?.color).not.toBe(COLORS.answered);
    expect(embed?.fields).toBeUndefined();
    expect(embed?.description).toBe(
      'The sources say nothing that answers this question. The corpus holds 5 news articles.',
    );
    expect(embed?.footer?.text).toBe('Attaché · extractive engine');
    expect(message?.components).toEqual([]);
  });

  it('shows a partial answer in its own colour with the status line and reason first, once', () => {
    const partial = builtReply({
      kind: 'answer',
      status: 'partial',
      note: 'Only part of this is covered.',
      sources: [{ documentId: 'doc1', text: 'Troops massed near the border.' }],
      claims: [{ text: 'Troops massed.', quotes: [{ source: 0, quote: 'Troops massed' }] }],
    });
    const [embed] = withinLimits(partial)[0]?.embeds ?? [];
    expect(embed?.color).toBe(COLORS.partial);
    expect(embed?.description).toBe(
      '*The sources answer this only in part. Only part of this is covered.*\n\nTroops massed. [1]',
    );
  });

  it('escapes markdown and masked links from the corpus, so text shows as written', () => {
    const hostile: Reply = {
      ...answered,
      blocks: [{ text: 'A **bold** claim with [a link](https://evil.example) @everyone [1]', citations: [1] }],
    };
    const description = withinLimits(hostile)[0]?.embeds[0]?.description ?? '';
    expect(description).toContain('\\*\\*bold\\*\\*');
    expect(description).not.toMatch(/(^|[^\\])\[a link\]\(/);
    expect(description).toMatch(/\[1\]$/);
  });

  it('splits a huge reply across embeds and messages within every limit, keeping claims whole', () => {
    const blocks = Array.from({ length: 80 }, (_, i) => ({
      text: `Claim ${i + 1}: ${'the delegations met for several hours in Geneva '.repeat(3)}[${(i % 40) + 1}]`,
      citations: [(i % 40) + 1],
    }));
    const huge: Reply = {
      ...answered,
      title: 'T'.repeat(400),
      blocks: [...blocks, { text: `${'word '.repeat(2000)}[7]`, citations: [7] }],
      citations: Array.from({ length: 40 }, (_, i) =>
        citation(i + 1, { title: `Headline ${'x'.repeat(300)}`, url: `https://example.org/${'p'.repeat(200)}/${i}` }),
      ),
    };
    const messages = withinLimits(huge);
    expect(messages.length).toBeGreaterThan(1);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds[0]?.title?.length).toBe(256);
    const descriptions = embeds.map((e) => e.description ?? '');
    for (const b of blocks) expect(descriptions.filter((d) => d.split('\n').includes(`• ${b.text}`))).toHaveLength(1);
    const pieces = descriptions.flatMap((d) => d.split('\n')).filter((line) => line.includes('word word'));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece).toMatch(/\[7\]$/);
    const sources = embeds.flatMap((e) => e.fields ?? []).flatMap((f) => f.value.split('\n'));
    expect(sources.map((s) => s.match(/^\[(\d+)\]/)?.[1])).toEqual(huge.citations.map((c) => String(c.n)));
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(embeds.at(-1)?.footer?.text).toContain('sources as of');
    expect(embeds.filter((e) => e.footer)).toHaveLength(1);
  });
});

describe('sourceLine', () => {
  it('links only http(s) URLs and names unknown outlets and dates plainly', () => {
    expect(sourceLine(citation(3, { outlet: null, publishedAt: null, title: null }))).toBe(
      '[3] Unknown outlet, undated',
    );
    expect(sourceLine(citation(4, { url: 'javascript:alert(1)' }))).toBe(
      '[4] Reuters, 2022-01-11 — Kremlin says it is not optimistic on U.S. talks',
    );
  });
});

describe('renderDocuments and renderCitations', () => {
  it('lists documents newest first and summarises a long corpus within limits', () => {
    const docs: DocumentSummary[] = Array.from({ length: 100 }, (_, i) => ({
      id: `doc${i}`,
      title: `Document ${i} ${'about the talks '.repeat(8)}`,
      outlet: 'DW',
      author: null,
      publishedAt: `2022-01-${String((i % 28) + 1).padStart(2, '0')}`,
      url: null,
      language: 'en',
      passages: 3,
      ingestedAt: '2024-01-01T00:00:00.000Z',
    }));
    const messages = renderDocuments(docs);
    for (const m of messages) expectWithinLimits({ ...m, allowed_mentions: { parse: [] } });
    const text = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
    expect(messages[0]?.embeds[0]?.title).toBe('Sources in the corpus (100 documents)');
    expect(text).toContain('…and 60 more.');
    const dates = text.match(/2022-01-\d\d/g) ?? [];
    expect(dates).toHaveLength(40);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2022-01-28');
  });

  it('shows each citation with its verbatim quote as a block quote', () => {
    const messages = renderCitations([citation(1, { quote: 'Line one\nline two' })]);
    expect(messages[0]?.embeds[0]?.description).toBe(
      '**[1] Reuters, 2022-01-11 — Kremlin says it is not optimistic on U.S. talks**\n> Line one\n> line two',
    );
  });
});

describe('embed packing helpers', () => {
  it('chunks lines without splitting those that fit, and splits only over-long ones', () => {
    expect(chunkLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(splitLongLine('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(truncate('a'.repeat(300), 256)).toHaveLength(256);
    expect(truncate('short', 256)).toBe('short');
  });
});
