import { describe, expect, it } from 'vitest';
import { renderCitations, renderReply } from '../../adapters/telegram/render-telegram.ts';
import { splitAtSentences } from '../../adapters/telegram/split-message.ts';
import type { Citation, Reply } from '../../core/reply.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';
import { builtRefusal, builtReply, type TestSource } from '../support/built-replies.ts';

const MENTION = /@[A-Za-z0-9_]{5,}/;

function citation(n: number, extra: Partial<Citation> = {}): Citation {
  return {
    n,
    documentId: `doc${n}`,
    passageId: `doc${n}:0`,
    quote: `Quote number ${n} said something verbatim.`,
    outlet: 'DW',
    title: 'Russia not hopeful',
    publishedAt: '2022-01-09',
    url: null,
    ...extra,
  };
}

const SOURCES: [TestSource, TestSource] = [
  { documentId: 'doc1', text: 'Quote number 1 said something verbatim.', title: 'Russia not hopeful' },
  { documentId: 'doc2', text: 'Quote number 2 said something verbatim.', title: 'Russia not hopeful' },
];

/** A briefing built by core (two cited claims), with test-specific fields laid over it. */
function reply(extra: Partial<Reply> = {}): Reply {
  const built = builtReply({
    sources: SOURCES,
    claims: [
      {
        text: 'Russia ruled out concessions.',
        quotes: [{ source: 0, quote: 'Quote number 1 said something verbatim.' }],
      },
      {
        text: 'The US called the talks frank.',
        quotes: [{ source: 1, quote: 'Quote number 2 said something verbatim.' }],
      },
    ],
  });
  return { ...built, ...extra };
}

/** Checks every message and returns their visible texts. */
function checked(messages: string[]): string[] {
  return messages.map((html) => {
    const check = checkTelegramHtml(html);
    expect(check.errors).toEqual([]);
    expect(check.visible.length).toBeLessThanOrEqual(4096);
    return check.visible;
  });
}

describe('renderReply', () => {
  it('renders a bold headline, bullets with markers and a compact linked Sources section, one line per document', () => {
    const [html = '', ...rest] = renderReply(
      builtReply({
        note: 'Answered by the extractive engine.',
        sources: [
          { ...SOURCES[0], url: 'https://dw.com/a?x=1&y="2"' },
          { ...SOURCES[1], publishedAt: '2022-01-10' },
        ],
        claims: [
          { text: 'Russia ruled out concessions.', quotes: [{ source: 0, quote: 'Quote number 1' }] },
          { text: 'The US called the talks frank.', quotes: [{ source: 1, quote: 'Quote number 2' }] },
        ],
      }),
    );
    expect(rest).toEqual([]);
    checked([html]);
    expect(html.startsWith('<b>US–Russia talks open in Geneva</b>\n\n• Russia ruled out concessions. [1]\n')).toBe(
      true,
    );
    expect(html).toContain('<i>Answered by the extractive engine.</i>');
    expect(html).toContain('<b>Sources</b> (as of 2022-01-10)');
    expect(html).toContain(
      '[1] <a href="https://dw.com/a?x=1&amp;y=&quot;2&quot;"><b>DW</b></a>, 2022-01-09 — <i>Russia not hopeful</i>',
    );
    // Quotes are behind the Sources button; the reply lists each document once with its markers.
    expect(html).not.toContain('<blockquote>');
  });

  it('groups the citations of one document on one Sources line', () => {
    const [html = ''] = renderReply(
      reply({
        blocks: [{ text: 'Russia ruled out concessions. [1][2][3]', citations: [1, 2, 3] }],
        citations: [
          citation(1),
          citation(2, { documentId: '000_0440998320377a2e', outlet: 'China Daily' }),
          citation(3, { documentId: 'doc1', passageId: 'doc1:4' }),
        ],
      }),
    );
    checked([html]);
    expect(html).toContain('[1][3] <b>DW</b>, 2022-01-09');
    expect(html).toContain('[2] <b>China Daily</b>, 2022-01-09');
  });

  it('escapes every piece of text and neutralises @mentions, from the question and from the corpus', () => {
    const hostile = '<script>alert("x")</script> & <b>bold</b> @everyone @here';
    const messages = renderReply(
      reply({
        title: hostile,
        note: hostile,
        blocks: [{ text: `${hostile} [1]`, citations: [1] }],
        citations: [citation(1, { quote: hostile, outlet: hostile, title: hostile, url: 'javascript:alert(1)' })],
      }),
    );
    const [visible = ''] = checked(messages);
    expect(visible).toContain('<script>alert("x")</script> & <b>bold</b>');
    expect(visible).not.toMatch(MENTION);
    expect(messages.join('')).not.toContain('href="javascript');
  });

  it('makes a refusal look different: a header, no bullets, no markers', () => {
    const refusal = builtRefusal('answer', 'The sources say nothing that answers this question.');
    const [visible = ''] = checked(renderReply(refusal));
    expect(visible).toBe(
      'ℹ️ Not in the sources\n\nThe sources say nothing that answers this question. The corpus holds 5 news articles.',
    );
    expect(visible).not.toContain('•');
    expect(visible).not.toContain('Sources\n');
  });

  it('shows a refusal’s heading and reason once, and a digest’s footer after them', () => {
    const refusal = builtRefusal('briefing', 'Nothing has been added.', 'Nothing has been added.');
    const [visible = ''] = checked(renderReply({ ...refusal, note: 'To stop these digests, send /unsubscribe.' }));
    expect(visible).toBe(
      'ℹ️ No briefing on that\n\nNothing has been added.\n\nTo stop these digests, send /unsubscribe.',
    );
  });

  it('says so when a reply is partial, with its reason once', () => {
    const partial = builtReply({
      kind: 'answer',
      status: 'partial',
      note: 'The sources do not say how many.',
      sources: SOURCES,
      claims: [{ text: 'Troops massed.', quotes: [{ source: 0, quote: 'Quote number 1' }] }],
    });
    const [visible = ''] = checked(renderReply(partial));
    expect(visible).toContain(
      'The sources answer this only in part.\n\n• Troops massed. [1]\n\nThe sources do not say how many.',
    );
    expect(visible.match(/do not say how many/g)).toHaveLength(1);
  });

  it('splits long replies between blocks, never between a claim and its citation', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => ({
      text: `Claim ${i} ${'about the talks '.repeat(18)}ends here. [${(i % 2) + 1}]`,
      citations: [(i % 2) + 1],
    }));
    const messages = renderReply(reply({ blocks }));
    const visible = checked(messages);
    expect(messages.length).toBeGreaterThan(2);
    for (const block of blocks) {
      expect(visible.filter((v) => v.includes(`• ${block.text}`))).toHaveLength(1);
    }
    expect(visible.at(-1)).toContain('[2] DW, 2022-01-09');
  });

  it('counts characters after entity parsing: escaped text is measured as Telegram shows it', () => {
    const messages = renderReply(
      reply({ blocks: [{ text: `${'&'.repeat(3900)} [1]`, citations: [1] }], citations: [] }),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.length).toBeGreaterThan(4096 * 4);
    checked(messages);
  });

  it('splits one oversized claim at sentences and keeps its citation on every piece', () => {
    const sentences = Array.from({ length: 150 }, (_, i) => `Sentence ${i} says the delegations met again.`);
    const messages = renderReply(reply({ blocks: [{ text: `${sentences.join(' ')} [1][2]`, citations: [1, 2] }] }));
    const visible = checked(messages);
    const pieces = visible.flatMap((v) => v.split('\n').filter((line) => line.includes('Sentence')));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece).toMatch(/\[1\]\[2\]$/);
    for (const sentence of sentences) expect(visible.join('\n')).toContain(sentence);
  });

  it('splits an oversized sentence without boundaries, keeping the HTML balanced', () => {
    const words = 'negotiation '.repeat(600).trim();
    const messages = renderReply(
      reply({ blocks: [{ text: `${words} [1]`, citations: [1] }], citations: [citation(1, { quote: `${words}.` })] }),
    );
    const visible = checked(messages);
    expect(messages.length).toBeGreaterThan(1);
    expect(visible.join('').match(/negotiation/g)).toHaveLength(600);
    expect(visible.join('').match(/\[1\] DW/g)).toHaveLength(1);
  });

  it('splits an oversized quote behind the Sources button into balanced blockquotes', () => {
    const words = 'negotiation '.repeat(600).trim();
    const messages = renderCitations([citation(1, { quote: `${words}.` })]);
    const visible = checked(messages);
    expect(visible.join('').match(/negotiation/g)).toHaveLength(600);
    expect(messages.join('').match(/<blockquote>/g)?.length).toBeGreaterThan(1);
  });
});

describe('renderCitations', () => {
  it('lists the last reply’s citations with their quotes', () => {
    const [visible = ''] = checked(renderCitations([citation(1), citation(2, { outlet: null, publishedAt: null })]));
    expect(visible).toContain('Sources of my last reply\n[1] DW, 2022-01-09 — Russia not hopeful\nQuote number 1');
    expect(visible).toContain('[2] Unknown outlet, undated');
  });
});

describe('splitAtSentences', () => {
  it('keeps the markers after a sentence with that sentence', () => {
    expect(splitAtSentences('Ryabkov said no. [1] Sherman said yes. [2][3] Talks went on.', 25)).toEqual([
      'Ryabkov said no. [1]',
      'Sherman said yes. [2][3]',
      'Talks went on.',
    ]);
  });

  it('never cuts a surrogate pair in half', () => {
    const pieces = splitAtSentences('🇨🇭'.repeat(50), 33);
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    expect(pieces.join('')).toBe('🇨🇭'.repeat(50));
  });
});
