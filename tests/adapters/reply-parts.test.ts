import { describe, expect, it } from 'vitest';
import {
  byDocument,
  corpusCoverage,
  heading,
  linkableUrl,
  markers,
  sourceView,
} from '../../adapters/shared/reply-parts.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import { builtReply } from '../support/built-replies.ts';

function doc(i: number, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: `doc${i}`,
    title: `Title ${i}`,
    outlet: `Outlet ${i % 3}`,
    author: null,
    publishedAt: `2022-01-${String(10 + (i % 5)).padStart(2, '0')}`,
    url: null,
    language: 'en',
    passages: 3,
    ingestedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

describe('corpusCoverage', () => {
  it('names the outlets, the unattributed count and the date range', () => {
    expect(corpusCoverage([doc(0), doc(1), doc(2, { outlet: null, publishedAt: null })])).toBe(
      '3 articles from Outlet 0, Outlet 1 and 1 unattributed (2022-01-10 to 2022-01-11)',
    );
    expect(corpusCoverage([])).toBe('no articles yet');
  });

  it('caps the outlet list and escapes outlet names with the renderer’s function', () => {
    const docs = Array.from({ length: 10 }, (_, i) => doc(i, { outlet: `O*${i}` }));
    const text = corpusCoverage(docs, (t) => t.replaceAll('*', '\\*'));
    expect(text).toContain('O\\*7, 2 more outlets');
    expect(text).not.toContain('O\\*8');
  });
});

describe('source lines and markers', () => {
  const reply = builtReply({
    sources: [
      { documentId: 'a', text: 'One. Two.', url: 'javascript:alert(1)' },
      { documentId: 'b', text: 'Three.', outlet: null, publishedAt: null, url: 'https://example.org/b' },
    ],
    claims: [
      { text: 'First.', quotes: [{ source: 0, quote: 'One.' }] },
      { text: 'Second.', quotes: [{ source: 1, quote: 'Three.' }] },
      { text: 'Third.', quotes: [{ source: 0, quote: 'Two.' }] },
    ],
  });

  it('groups citations by document in order of first citation', () => {
    expect(byDocument(reply.citations).map((g) => markers(g.map((c) => c.n)))).toEqual(['[1][3]', '[2]']);
  });

  it('names unknown outlets and dates, and offers only http(s) links', () => {
    const [first, second] = reply.citations;
    expect(first && sourceView(first)).toMatchObject({ outlet: 'DW', date: '2022-01-09', url: null, removed: '' });
    expect(second && sourceView({ ...second, removed: true })).toMatchObject({
      outlet: 'Unknown outlet',
      date: 'undated',
      url: 'https://example.org/b',
      removed: ' (source removed)',
    });
    expect(linkableUrl('http://')).toBeNull();
  });

  it('heads an untitled reply by what it is', () => {
    expect(heading({ kind: 'briefing', title: ' ' })).toBe('Briefing');
    expect(heading({ kind: 'answer', title: '' })).toBe('Answer');
    expect(heading(reply)).toBe(reply.title);
  });
});
