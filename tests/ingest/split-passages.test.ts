import { describe, expect, it } from 'vitest';
import type { PassageSpan } from '../../core/corpus.ts';
import { buildArticleText, splitPassages } from '../../core/ingest/split-passages.ts';
import { extractSeed, SEED_FILES } from './load-seed.ts';

function expectWellFormed(articleText: string, passages: PassageSpan[]): void {
  passages.forEach((passage, index) => {
    expect(passage.ordinal).toBe(index);
    expect(articleText.slice(passage.start, passage.end)).toBe(passage.text);
    expect(passage.text).not.toBe('');
    expect(passage.text).toBe(passage.text.trim());
  });
}

describe('buildArticleText', () => {
  it('joins trimmed, non-empty paragraphs with a blank line', () => {
    expect(buildArticleText(['First.', '  Second.  ', '', '   ', 'Third.'])).toBe('First.\n\nSecond.\n\nThird.');
    expect(buildArticleText([])).toBe('');
  });
});

describe('splitPassages', () => {
  it('makes one passage per paragraph', () => {
    const text = buildArticleText(['One short paragraph.', 'Another one.', 'A third.']);
    const passages = splitPassages(text);
    expect(passages.map((passage) => passage.text)).toEqual(['One short paragraph.', 'Another one.', 'A third.']);
    expectWellFormed(text, passages);
  });

  it('splits a paragraph longer than maxChars into chunks of whole sentences', () => {
    const sentence = (n: number): string => `Sentence number ${n} says that the U.S. delegation met Mr. Ryabkov again.`;
    const long = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');
    const text = buildArticleText(['Intro paragraph.', long, 'Outro paragraph.']);
    const passages = splitPassages(text, { maxChars: 200 });
    expectWellFormed(text, passages);
    expect(passages[0]?.text).toBe('Intro paragraph.');
    expect(passages.at(-1)?.text).toBe('Outro paragraph.');
    const chunks = passages.slice(1, -1);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(200);
      expect(chunk.text.startsWith('Sentence number ')).toBe(true);
      expect(chunk.text.endsWith('again.')).toBe(true);
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(long);
  });

  it('keeps a single sentence longer than maxChars whole', () => {
    const sentence = `${'word '.repeat(40)}end.`;
    const text = buildArticleText([`${sentence} Short one.`]);
    const passages = splitPassages(text, { maxChars: 50 });
    expect(passages.map((passage) => passage.text)).toEqual([sentence, 'Short one.']);
    expectWellFormed(text, passages);
  });

  it('defaults to 600 characters', () => {
    const paragraph = Array.from({ length: 20 }, (_, i) => `This is sentence ${i} of a long paragraph.`).join(' ');
    expect(paragraph.length).toBeGreaterThan(600);
    const passages = splitPassages(paragraph);
    expect(passages.length).toBe(2);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(600);
    expectWellFormed(paragraph, passages);
  });

  it('tolerates irregular whitespace between paragraphs', () => {
    const text = '\n  First paragraph.  \n \n\n\tSecond paragraph.\n';
    const passages = splitPassages(text);
    expect(passages.map((passage) => passage.text)).toEqual(['First paragraph.', 'Second paragraph.']);
    expectWellFormed(text, passages);
  });

  it('returns no passages for empty text', () => {
    expect(splitPassages('')).toEqual([]);
    expect(splitPassages('\n\n')).toEqual([]);
  });

  it.each(SEED_FILES)('round-trips the offsets of every passage of seed %s', (file) => {
    const { raw, article } = extractSeed(file);
    const text = buildArticleText(article.paragraphs);
    for (const maxChars of [600, 250, 120]) {
      const passages = splitPassages(text, { maxChars });
      expectWellFormed(text, passages);
      expect(passages.length).toBeGreaterThanOrEqual(article.paragraphs.length);
      // Citations must be verbatim spans of the saved page too.
      for (const passage of passages) expect(raw.includes(passage.text), passage.text).toBe(true);
    }
    expect(splitPassages(text).map((passage) => passage.text)).toEqual(article.paragraphs);
  });
});
