import { afterEach, describe, expect, it } from 'vitest';
import { renderReplyText } from '../../adapters/console/render-reply.ts';
import type { Reply } from '../../core/reply.ts';
import { seededCore, spanOf } from '../core/core-fixture.ts';

let close: (() => void) | undefined;

/** Sentences of a bullet outside quotation marks and [n] markers ("“A. B,” he said." is one). */
function sentencesOutsideQuotes(text: string): number {
  const bare = text
    .replace(/\s*(?:\[\d+\])+\s*$/, '')
    .replace(/“[^”]*”|"[^"]*"/g, 'Q')
    .replace(/\b(?:[A-Z]\.){1,3}/g, 'X');
  return bare.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.trim() !== '').length;
}
afterEach(() => close?.());

async function core() {
  const c = await seededCore();
  close = () => c.database.close();
  return c;
}

function expectGrounded(reply: Reply, article: (documentId: string) => string) {
  const numbers = new Set(reply.citations.map((c) => c.n));
  for (const block of reply.blocks) {
    expect(block.citations.length).toBeGreaterThan(0);
    for (const n of block.citations) expect(numbers.has(n)).toBe(true);
  }
  for (const citation of reply.citations) expect(spanOf(article(citation.documentId), citation.quote)).toBe(true);
}

describe('briefing (extractive engine through the core)', () => {
  it('has the contract shape: 3–6 cited blocks within 1,200 characters, verbatim quotes, as of the newest source', async () => {
    const { attache, store } = await core();
    const reply = await attache.brief({ conversation: 'console:test' });
    expect(reply.kind).toBe('briefing');
    expect(reply.status).toBe('answered');
    expect(reply.engine).toBe('extractive');
    expect(reply.blocks.length).toBeGreaterThanOrEqual(3);
    expect(reply.blocks.length).toBeLessThanOrEqual(6);
    expect(reply.blocks.reduce((sum, b) => sum + b.text.length, 0)).toBeLessThanOrEqual(1200);
    expect(reply.asOf).toBe('2022-01-11');
    const articles = new Map<string, string>();
    for (const d of await store.listDocuments()) articles.set(d.id, (await store.getDocument(d.id))?.articleText ?? '');
    expectGrounded(reply, (id) => articles.get(id) ?? '');
    const titles = (await store.listDocuments()).map((d) => d.title);
    expect(titles).not.toContain(reply.title);
    expect(reply.title.length).toBeGreaterThan(10);
    for (const block of reply.blocks) expect(block.text).toMatch(/\[\d+\](?:\[\d+\])*$/);
  });

  it('reads in one glance: 3–6 bullets within 1,200 characters, one compact sources line, a title that is no quote', async () => {
    const { attache } = await core();
    for (const topic of [undefined, 'NATO', 'Geneva talks']) {
      const reply = await attache.brief({ conversation: 'console:glance', ...(topic ? { topic } : {}) });
      const rendered = renderReplyText(reply).split('\n');
      const bullets = rendered.filter((line) => line.startsWith('• '));
      expect(bullets.length).toBeGreaterThanOrEqual(3);
      expect(bullets.length).toBeLessThanOrEqual(6);
      expect(bullets.join('\n').length).toBeLessThanOrEqual(1200);
      const sources = rendered.filter((line) => line.startsWith('Sources'));
      expect(sources).toHaveLength(1);
      expect(rendered.at(-1)).toBe(sources[0]);
      expect(sources[0]?.length).toBeLessThanOrEqual(400);
      expect(reply.title).not.toMatch(/["“”]/);
    }
  });

  it('states one claim per bullet under a title that names the story, not a clause of one sentence', async () => {
    const { attache, store } = await core();
    const reply = await attache.brief({ conversation: 'console:one-claim' });
    expect(reply.blocks.length).toBeGreaterThanOrEqual(3);
    expect(reply.blocks.length).toBeLessThanOrEqual(6);
    expect(reply.blocks.reduce((sum, b) => sum + b.text.length, 0)).toBeLessThanOrEqual(1200);
    for (const topic of [undefined, 'NATO', 'sanctions']) {
      const brief = await attache.brief({ conversation: 'console:one-claim', ...(topic ? { topic } : {}) });
      for (const block of brief.blocks) expect(sentencesOutsideQuotes(block.text), block.text).toBe(1);
    }
    const articles = await Promise.all(
      (await store.listDocuments()).map(async (d) => (await store.getDocument(d.id))?.articleText ?? ''),
    );
    expect(reply.title).not.toMatch(/["“”]/);
    // A title built from the story, not cut out of one of its sentences.
    for (const article of articles) expect(article.toLowerCase()).not.toContain(reply.title.toLowerCase());
    expect(reply.title).toMatch(/Russia/);
    expect(reply.title).toMatch(/\b(?:talks|negotiations|meeting)\b/);
  });

  it('never joins statements from different days (before and after the talks) in one bullet', async () => {
    const { attache } = await core();
    const reply = await attache.brief({ conversation: 'console:moments' });
    const dates = new Map(reply.citations.map((c) => [c.n, c.publishedAt]));
    for (const block of reply.blocks) {
      expect(new Set(block.citations.map((n) => dates.get(n))).size, block.text).toBe(1);
    }
    expect(reply.blocks.some((b) => b.citations.some((n) => dates.get(n) === '2022-01-11'))).toBe(true);
  });

  it('reports the same quote from three outlets as one block citing each of them', async () => {
    const { attache } = await core();
    const reply = await attache.brief({ conversation: 'console:test' });
    const concession = reply.blocks.filter((b) => b.text.includes('We will not agree to any concession'));
    expect(concession).toHaveLength(1);
    const cited = reply.citations.filter((c) => concession[0]?.citations.includes(c.n));
    const withQuote = cited.filter((c) => c.quote.includes('We will not agree to any concession'));
    expect(new Set(withQuote.map((c) => c.documentId)).size).toBeGreaterThanOrEqual(3);
    const everyQuote = reply.citations.filter((c) => c.quote.includes('We will not agree to any concession'));
    expect(everyQuote).toHaveLength(withQuote.length);
  });

  it('never shows two blocks that say the same thing', async () => {
    const { attache } = await core();
    const reply = await attache.brief({ conversation: 'console:test' });
    const sentences = reply.blocks.flatMap((b) =>
      b.text.replace(/\s*(\[\d+\])+$/, '').split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/),
    );
    const unique = new Set(sentences.map((s) => s.replace(/^According to [^,]+, /, '').toLowerCase()));
    expect(unique.size).toBe(sentences.length);
  });

  it('briefs on a topic from the passages about it, and refuses a topic the corpus does not cover', async () => {
    const { attache } = await core();
    const nato = await attache.brief({ topic: 'NATO', conversation: 'console:test' });
    expect(nato.status).toBe('answered');
    expect(nato.blocks.filter((b) => /NATO|alliance/i.test(b.text)).length).toBeGreaterThanOrEqual(
      nato.blocks.length - 1,
    );
    const taiwan = await attache.brief({ topic: 'Taiwan', conversation: 'console:test' });
    expect(taiwan.status).toBe('refused');
    expect(taiwan.blocks).toEqual([]);
    expect(taiwan.citations).toEqual([]);
    expect(taiwan.text).toMatch(/The corpus holds 5 news articles from 9–11 January 2022 about .*Geneva/);
  });

  it('attributes reported claims and keeps quotation marks around verbatim text only', async () => {
    const { attache } = await core();
    const reply = await attache.brief({ conversation: 'console:test' });
    for (const block of reply.blocks) {
      const quotes = reply.citations.filter((c) => block.citations.includes(c.n)).map((c) => c.quote);
      for (const match of block.text.matchAll(/“([^”]+)”|"([^"]+)"/g)) {
        const span = (match[1] ?? match[2] ?? '').trim();
        expect(quotes.some((q) => spanOf(q, span))).toBe(true);
      }
      expect(block.text).toMatch(/said|says|told|according to|quoted|insist|warned|added|replied|According to/i);
    }
  });
});
