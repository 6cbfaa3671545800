/**
 * `.html` files from disk go through the same extractor as fetched pages (Readability over linkedom, then the
 * chrome rules), with metadata from JSON-LD, Open Graph and meta tags. Pages are corpus-dev excerpts read from
 * ../shared at test time and wrapped in site chrome (tests/fakes/site-page.ts); nothing is copied into the project.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractPage } from '../../core/feeds/extract-page.ts';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { buildArticleText } from '../../core/ingest/split-passages.ts';
import { openStorage, type Storage } from '../../db/open-storage.ts';
import { type CorpusPage, readCorpusPages, SITE_CHROME, wrapInSite } from '../fakes/site-page.ts';

let dir: string;
let storage: Storage;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attache-html-'));
  storage = await openStorage({ path: ':memory:' });
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('.html files from disk', () => {
  it('keep the article and drop the site chrome, exactly as a fetched page would, with JSON-LD metadata', async () => {
    const pages = readCorpusPages().filter((p) => p.published !== null);
    const chosen = [0, 17, 41, 66, 93].map((i) => pages[i % pages.length] as CorpusPage);
    const files = chosen.map((page, i) => {
      const url = `https://news.example/2022/story-${i}`;
      const html = wrapInSite(page, { url, author: 'Jane Roe' });
      const path = join(dir, `saved-page-${i}.html`);
      writeFileSync(path, html);
      return { page, url, html, path };
    });
    const report = await ingestFiles(
      storage.corpus,
      files.map((f) => f.path),
    );
    expect(report.failed).toEqual([]);

    let kept = 0;
    let total = 0;
    for (const [i, file] of files.entries()) {
      const document = await storage.corpus.getDocument(`saved-page-${i}`);
      if (!document) throw new Error(`saved-page-${i} not ingested`);
      // The same extractor as web pages: the same paragraphs.
      const web = extractPage(file.html, file.url);
      expect(document.articleText).toBe(buildArticleText(web.paragraphs));
      expect(document).toMatchObject({
        outlet: file.page.outlet,
        author: 'Jane Roe',
        publishedAt: file.page.published,
        url: file.url,
        language: 'en',
        title: web.title,
      });
      const text = squash(document.articleText);
      for (const chrome of SITE_CHROME) expect(text).not.toContain(chrome);
      expect(text).not.toContain('dataLayer');
      // Article text kept: the page's non-chrome lines, by characters.
      const chrome = new Set(file.page.chromeLines.map(squash));
      const article = file.page.lines.map(squash).filter((line) => line !== '' && !chrome.has(line));
      // The headline is stored as the title, so it counts as kept (as in npm run bench:feeds).
      const stored = squash(`${document.title ?? ''}\n${document.articleText}`);
      kept += article.filter((line) => stored.includes(line)).reduce((n, line) => n + line.length, 0);
      total += article.reduce((n, line) => n + line.length, 0);
    }
    // Excerpts cut mid-sentence and short subheadings may go (npm run bench:feeds measures all 120 pages).
    expect(kept / total).toBeGreaterThanOrEqual(0.9);
  });

  it('reads Open Graph and meta tags when a page has no JSON-LD', async () => {
    const path = join(dir, 'og-only.html');
    writeFileSync(
      path,
      `<!DOCTYPE html><html lang="fr"><head>
        <title>Envoys meet in Vienna | Example Times</title>
        <meta property="og:site_name" content="Example Times">
        <meta property="og:title" content="Envoys meet in Vienna">
        <meta property="article:published_time" content="2022-01-12T10:00:00+01:00">
        <meta name="author" content="Jean Dupont">
        <link rel="canonical" href="https://times.example/vienna?utm_source=x">
      </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
        <article><h1>Envoys meet in Vienna</h1>
          <p>The envoys met in Vienna on Thursday to discuss the nuclear agreement and its future.</p>
          <p>Both delegations described the first round of talks as constructive and said they would meet again.</p>
          <p>Officials declined to say when the next round would begin, citing the sensitivity of the issues.</p>
        </article>
        <footer><p>© 2022 Example Times. All rights reserved.</p></footer>
      </body></html>`,
    );
    const report = await ingestFiles(storage.corpus, [path]);
    expect(report.failed).toEqual([]);
    const document = await storage.corpus.getDocument('og-only');
    expect(document).toMatchObject({
      title: 'Envoys meet in Vienna',
      outlet: 'Example Times',
      author: 'Jean Dupont',
      publishedAt: '2022-01-12',
      url: 'https://times.example/vienna',
      language: 'fr',
    });
    // The headline is article text, the first paragraph.
    expect(document?.articleText.startsWith('Envoys meet in Vienna\n\nThe envoys met in Vienna on Thursday')).toBe(
      true,
    );
    expect(document?.articleText).not.toMatch(/cookies|All rights reserved|World/);
  });
});
