import { describe, expect, it } from 'vitest';
import { formatFromPath, htmlMetaHints, toPlainLines } from '../../core/ingest/read-format.ts';
import { extractArticle } from '../../core/ingest/strip-chrome.ts';

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Envoys meet in Geneva | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2022-01-10T08:30:00Z">
  <link rel="canonical" href="https://news.example/geneva-talks">
  <style>p { color: red; }</style>
  <script>window.tracking = "<p>not text</p>";</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
  <header class="site"><p>Example News &mdash; your daily briefing</p></header>
  <h1>Envoys meet in Geneva as tensions rise</h1>
  <article>
    <p class="byline">By Jane Doe</p>
    <figure>
      <img src="envoys.jpg" alt="Envoys shake hands">
      <figcaption>The envoys shook hands before the talks. Photo: Jane Roe/Example</figcaption>
    </figure>
    <p>GENEVA &ndash; Envoys from the <b>United States</b> and Russia met on Monday&nbsp;for talks.</p>
    <p>&ldquo;We are ready to listen,&rdquo; one diplomat said. It&#39;s a start &amp; more will follow&#x2026;</p>
    <div>The talks resumed on Tuesday.<br>They ended at noon.</div>
    <aside>
      <h2>Recommended Stories</h2>
      <ul><li>Unrelated story about the weather</li><li>Another unrelated story</li></ul>
    </aside>
    <!-- <p>A commented-out paragraph.</p> -->
  </article>
  <footer><p>Copyright Example News. All rights reserved.</p></footer>
</body>
</html>`;

describe('formatFromPath', () => {
  it('recognises text, markdown and html extensions case-insensitively', () => {
    expect(formatFromPath('seeds/000_0440998320377a2e.txt')).toBe('txt');
    expect(formatFromPath('notes/brief.MD')).toBe('md');
    expect(formatFromPath('a/b/page.markdown')).toBe('md');
    expect(formatFromPath('C:\\saved\\page.HTM')).toBe('html');
    expect(formatFromPath('page.html')).toBe('html');
  });

  it('returns null for other or missing extensions', () => {
    expect(formatFromPath('report.pdf')).toBeNull();
    expect(formatFromPath('README')).toBeNull();
    expect(formatFromPath('.txt')).toBeNull();
    expect(formatFromPath('dir.txt/file')).toBeNull();
  });
});

describe('toPlainLines for txt', () => {
  it('splits on LF, CRLF and CR and leaves every line untouched', () => {
    expect(toPlainLines('  a line \r\nsecond\rthird\n\nlast', 'txt')).toEqual([
      '  a line ',
      'second',
      'third',
      '',
      'last',
    ]);
  });
});

describe('toPlainLines for html', () => {
  const lines = toPlainLines(PAGE, 'html');
  const text = lines.join('\n');

  it('keeps the article text, with entities decoded and inline tags removed', () => {
    expect(lines).toContain('GENEVA – Envoys from the United States and Russia met on Monday for talks.');
    expect(lines).toContain("“We are ready to listen,” one diplomat said. It's a start & more will follow…");
    expect(lines).toContain('The talks resumed on Tuesday.');
    expect(lines).toContain('They ended at noon.');
  });

  it('leads with the page headline even though it sits outside <article>', () => {
    expect(lines[0]).toBe('Envoys meet in Geneva as tensions rise');
  });

  it('drops nav, header, footer, aside, figcaption, script, style and comments', () => {
    for (const chrome of [
      'Home',
      'World',
      'your daily briefing',
      'Copyright',
      'Recommended Stories',
      'Unrelated story',
      'shook hands',
      'Photo:',
      'not text',
      'color: red',
      'commented-out',
    ]) {
      expect(text.includes(chrome), chrome).toBe(false);
    }
  });

  it('has no blank line at either end and never two in a row', () => {
    expect(lines[0]).not.toBe('');
    expect(lines.at(-1)).not.toBe('');
    lines.forEach((line, i) => {
      if (line === '') expect(lines[i + 1]).not.toBe('');
    });
  });

  it('feeds extractArticle cleanly', () => {
    const article = extractArticle(lines);
    expect(article.title).toBe('Envoys meet in Geneva as tensions rise');
    expect(article.hints.author).toBe('Jane Doe');
    expect(article.paragraphs).toEqual([
      'Envoys meet in Geneva as tensions rise',
      'GENEVA – Envoys from the United States and Russia met on Monday for talks.',
      "“We are ready to listen,” one diplomat said. It's a start & more will follow…",
      'The talks resumed on Tuesday.',
      'They ended at noon.',
    ]);
  });

  it('turns list items into "- " lines so story lists stay recognisable', () => {
    const listed = toPlainLines(
      '<div><p>The summit ended.</p><h3>Related Articles</h3><ul><li>One <a href="#">story</a></li><li>Two</li></ul></div>',
      'html',
    );
    expect(listed).toEqual(['The summit ended.', '', 'Related Articles', '', '- One story', '', '- Two']);
    expect(extractArticle(['A headline for the summit story', ...listed]).paragraphs).toEqual([
      'A headline for the summit story',
      'The summit ended.',
    ]);
  });

  it('uses the whole document when there is no <article>, <main> or <body>', () => {
    expect(toPlainLines('<p>Only a paragraph &amp; an entity.</p><p>Another.</p>', 'html')).toEqual([
      'Only a paragraph & an entity.',
      '',
      'Another.',
    ]);
  });
});

describe('htmlMetaHints', () => {
  it('reads title, headline, site name, author, date, canonical url and language', () => {
    expect(htmlMetaHints(PAGE)).toEqual({
      title: 'Envoys meet in Geneva | Example News',
      headline: 'Envoys meet in Geneva as tensions rise',
      outlet: 'Example News',
      author: 'Jane Doe',
      publishedAt: '2022-01-10',
      url: 'https://news.example/geneva-talks',
      language: 'en',
    });
  });

  it('prefers og:title, ignores author URLs and falls back to <time datetime>', () => {
    const page = `<html><head><meta content="Og Title" property="og:title">
      <meta property="article:author" content="https://example.com/people/jane"></head>
      <body><time datetime="2021-12-31">Dec 31</time></body></html>`;
    expect(htmlMetaHints(page)).toEqual({
      title: 'Og Title',
      headline: null,
      outlet: null,
      author: null,
      publishedAt: '2021-12-31',
      url: null,
      language: null,
    });
  });
});

describe('toPlainLines for md', () => {
  const markdown = [
    '---',
    'title: Front matter title',
    '---',
    '# Envoys meet in *Geneva*',
    '',
    '![Envoys shake hands](envoys.jpg)',
    '',
    'Envoys from the **United States** and [Russia](https://example.com/russia) met on _Monday_.',
    '',
    '> "We are ready to listen," one diplomat said.',
    '',
    '- First point with `code`',
    '2. Second point about snake_case_names',
    '',
    '---',
    'Read the [full report][report].',
    '',
    '[report]: https://example.com/report',
  ].join('\n');

  it('strips markup and keeps the words', () => {
    expect(toPlainLines(markdown, 'md')).toEqual([
      'Envoys meet in Geneva',
      '',
      '',
      '',
      'Envoys from the United States and Russia met on Monday.',
      '',
      '"We are ready to listen," one diplomat said.',
      '',
      'First point with code',
      'Second point about snake_case_names',
      '',
      '',
      'Read the full report.',
      '',
    ]);
  });

  it('feeds extractArticle cleanly', () => {
    const article = extractArticle(toPlainLines(markdown, 'md'));
    expect(article.title).toBe('Envoys meet in Geneva');
    expect(article.paragraphs).toContain('Envoys from the United States and Russia met on Monday.');
    expect(article.paragraphs).toContain('"We are ready to listen," one diplomat said.');
  });
});
