import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../core/ingest/strip-chrome.ts';
import { extractSeed, SEED_FILES } from './load-seed.ts';
import { EXPECTED } from './seed-expectations.ts';

/** Collapses whitespace runs, including the no-break spaces some seeds contain, so expectations can use plain spaces. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe.each(SEED_FILES)('extractArticle on seed %s', (file) => {
  const { raw, article } = extractSeed(file);
  const expected = EXPECTED[file];
  const rawLines = new Set(raw.split(/\r?\n/).map((line) => line.trim()));
  const normalized = article.paragraphs.map(normalize);

  it('finds the headline', () => {
    expect(article.title).toBe(expected.title);
  });

  it('keeps the headline first, then the expected number of body paragraphs, first and last in place', () => {
    expect(article.paragraphs).toHaveLength(expected.paragraphs);
    expect(article.paragraphs[0]).toBe(expected.title);
    expect(normalized[1]?.startsWith(expected.first)).toBe(true);
    expect(normalized.at(-1)?.startsWith(expected.last)).toBe(true);
  });

  it('drops every piece of named chrome', () => {
    for (const chrome of expected.chrome) {
      // Guards against a vacuous pass: the chrome really is in the page.
      expect(normalize(raw).includes(chrome), chrome).toBe(true);
      const offending = normalized.filter((paragraph) => paragraph.includes(chrome));
      expect(offending, chrome).toEqual([]);
    }
  });

  it('keeps the article sentences on both sides of each chrome block, adjacent', () => {
    for (const [before, after] of expected.neighbours) {
      const at = normalized.findIndex((paragraph) => paragraph.startsWith(before));
      expect(at, before).toBeGreaterThanOrEqual(0);
      expect(normalized[at + 1]?.startsWith(after), after).toBe(true);
    }
  });

  it('keeps each paragraph byte-for-byte as a trimmed line of the raw file', () => {
    for (const paragraph of article.paragraphs) {
      expect(rawLines.has(paragraph), paragraph).toBe(true);
      expect(raw.includes(paragraph)).toBe(true);
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toBe('');
    }
  });

  it('never repeats the headline or a paragraph', () => {
    expect(article.paragraphs.filter((paragraph) => paragraph === expected.title)).toHaveLength(1);
    expect(new Set(article.paragraphs).size).toBe(article.paragraphs.length);
  });

  it('reports the metadata hints the page gives', () => {
    expect(article.hints).toEqual(expected.hints);
  });
});

describe('extractArticle specifics', () => {
  it('keeps the repeated 001 caption sentence exactly once', () => {
    const { article } = extractSeed('001_30cfb7c040abcbc8.txt');
    const sentence =
      'Russia since late last year has amassed tens of thousands of troops at the Ukrainian border and demanded guarantees that NATO will not expand further eastward.';
    expect(article.paragraphs.filter((paragraph) => paragraph === sentence)).toHaveLength(1);
  });

  it('keeps oddly punctuated quoted paragraphs of 002 verbatim', () => {
    const { article } = extractSeed('002_ba90fb386a7b11c3.txt');
    expect(article.paragraphs).toContain(
      '“They can’t be easy. They will be commercial. I think we won’t waste our time tomorrow.',
    );
    expect(article.paragraphs).toContain(
      'When asked if Russia was ready for a compromise, he replied: “The Americans should be prepared to reach a compromise.',
    );
    expect(article.paragraphs.some((paragraph) => paragraph.endsWith('“said Ryabkov. .'))).toBe(true);
    expect(article.paragraphs.some((paragraph) => paragraph.startsWith('Ambassador Thomas Greminger, director'))).toBe(
      true,
    );
    expect(
      article.paragraphs.some((paragraph) => paragraph.startsWith('“What we are seeing is a lot of posturing,”')),
    ).toBe(true);
  });

  it('generalises to another page layout', () => {
    const page = [
      'Skip to navigation',
      'Home > World > Europe',
      'Leaders agree to extend the grain corridor deal for another year',
      'Ministers sign the accord in Istanbul',
      'By Jane Q. Doe and John Smith',
      '12 March 2023',
      '',
      'ISTANBUL (AP) — Leaders agreed on Sunday to extend the grain corridor by a year, officials said.',
      'Delegates at the signing ceremony in Istanbul (AP Photo/Emrah Gurel)',
      'The deal covers three ports, and shipments will resume next week.',
      'Share this article',
      'What happens next?',
      '“We are relieved,” the minister said.',
      'The deal covers three ports, and shipments will resume next week.',
      'Related Articles',
      '• Grain prices fall after accord',
      '• Ports reopen on the Black Sea',
      'Most Read',
      '1. Storm hits the coast',
      '   Thousands lose power as the storm moves inland.',
    ];
    const article = extractArticle(page);
    expect(article.title).toBe('Leaders agree to extend the grain corridor deal for another year');
    // Headline, standfirst and sub-head are article text; the byline, date, caption, widgets and lists are not.
    expect(article.paragraphs).toEqual([
      'Leaders agree to extend the grain corridor deal for another year',
      'Ministers sign the accord in Istanbul',
      'ISTANBUL (AP) — Leaders agreed on Sunday to extend the grain corridor by a year, officials said.',
      'The deal covers three ports, and shipments will resume next week.',
      'What happens next?',
      '“We are relieved,” the minister said.',
    ]);
    expect(article.hints).toEqual({ author: 'Jane Q. Doe and John Smith', publishedAt: '2023-03-12', outlet: 'AP' });
  });

  it('skips a story list above the headline and ends it at the headline', () => {
    const article = extractArticle([
      "Today's Top News",
      '- China bids to cement Cambodian-Thai truce',
      '- Fiscal policy for 2026 to be more proactive',
      'Envoys meet in Vienna for nuclear talks',
      'Updated: March 3, 2023 at 10:15 CET',
      'VIENNA (AFP) - Envoys met on Friday to revive the nuclear deal, diplomats said.',
      'Photo: AFP',
      'The talks will continue next week.',
    ]);
    expect(article).toEqual({
      title: 'Envoys meet in Vienna for nuclear talks',
      paragraphs: [
        'Envoys meet in Vienna for nuclear talks',
        'VIENNA (AFP) - Envoys met on Friday to revive the nuclear deal, diplomats said.',
        'The talks will continue next week.',
      ],
      hints: { author: null, publishedAt: '2023-03-03', outlet: 'AFP' },
    });
  });

  it('ends a story list at the first line of prose that is not a teaser', () => {
    const article = extractArticle([
      'A headline about the summit in Vienna',
      '',
      'The summit opened on Monday.',
      '',
      'Recommended Stories',
      '',
      '  • Another story about something else',
      '',
      '    Its teaser sentence that must go.',
      '',
      'The summit closed on Tuesday with a joint statement.',
    ]);
    expect(article.paragraphs).toEqual([
      'A headline about the summit in Vienna',
      'The summit opened on Monday.',
      'The summit closed on Tuesday with a joint statement.',
    ]);
  });

  it('returns no title and no paragraphs for an empty page', () => {
    expect(extractArticle([])).toEqual({
      title: null,
      paragraphs: [],
      hints: { author: null, publishedAt: null, outlet: null },
    });
  });
});
