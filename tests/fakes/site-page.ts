/**
 * Builds realistic article pages from the corpus-dev excerpts (read at run time from ../shared/corpus-dev,
 * never copied): site header and navigation, cookie banner, share bar, related list, footer, scripts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DEV = resolve(process.cwd(), '../shared/corpus-dev');

export interface CorpusPage {
  file: string;
  url: string;
  outlet: string;
  published: string | null;
  story: string;
  /** The page's lines without the store's " date YYYY-MM-DD " prefix. */
  lines: string[];
  /** Lines of the page that are chrome (chrome.json). */
  chromeLines: string[];
}

interface ManifestEntry {
  file: string;
  url: string;
  outlet: string;
  published: string | null;
  story: string;
}

/** Reads every corpus-dev page with its manifest entry and chrome lines. */
export function readCorpusPages(): CorpusPage[] {
  const manifest = JSON.parse(readFileSync(resolve(CORPUS_DEV, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const chrome = JSON.parse(readFileSync(resolve(CORPUS_DEV, 'chrome.json'), 'utf8')) as {
    file: string;
    chrome_lines: string[];
  }[];
  const chromeOf = new Map(
    chrome.map((c) => [c.file, c.chrome_lines.map((l) => l.replace(/^ date \d{4}-\d{2}-\d{2} /, ''))]),
  );
  return manifest.map((entry) => {
    const text = readFileSync(resolve(CORPUS_DEV, 'pages', entry.file), 'utf8').replace(
      /^ date \d{4}-\d{2}-\d{2} /,
      '',
    );
    return { ...entry, lines: text.split('\n'), chromeLines: chromeOf.get(entry.file) ?? [] };
  });
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The site chrome every wrapped page carries; a measure of extraction counts any of it that survives. */
export const SITE_CHROME = [
  'Skip to main content',
  'World',
  'Politics',
  'Business',
  'Opinion',
  'Subscribe now for unlimited access',
  'We use cookies to improve your experience. By continuing you accept our cookie policy.',
  'Share on Facebook',
  'Share on X',
  'Most read',
  'Markets slide as investors weigh central bank signals',
  'Five things to know before the weekend',
  'Weather: storms expected across the north',
  'Sign up for our morning newsletter and get the day’s top stories in your inbox.',
  '© 2024 Example Media Group. All rights reserved.',
  'About us',
  'Contact',
  'Privacy policy',
  'Terms of use',
];

export interface WrapOptions {
  title?: string;
  url?: string;
  outlet?: string;
  author?: string;
  published?: string | null;
  lang?: string;
  /** Paragraphs to use instead of the page's own lines. */
  lines?: string[];
}

function titleFromUrl(url: string): string {
  const slug =
    new URL(url).pathname
      .split('/')
      .filter((part) => /[a-z]-[a-z]/i.test(part))
      .at(-1) ?? 'news';
  const words = slug
    .replace(/\.[a-z]+$/i, '')
    .split('-')
    .filter((w) => !/^\d+$/.test(w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Wraps an article's lines (one paragraph each) in a full HTML page of a news site. */
export function wrapInSite(
  page: Pick<CorpusPage, 'lines' | 'url' | 'outlet' | 'published'>,
  options: WrapOptions = {},
): string {
  const lines = (options.lines ?? page.lines).filter((line) => line.trim() !== '');
  // A short first line without a closing full stop is the page's headline; otherwise the headline comes from the URL.
  const first = lines[0] ?? '';
  const leadsWithHeadline = first.length <= 160 && !/[.!?"”]$/.test(first.trim());
  const title = options.title ?? (leadsWithHeadline ? first : titleFromUrl(options.url ?? page.url));
  const outlet = options.outlet ?? page.outlet;
  const url = options.url ?? page.url;
  const published = options.published === undefined ? page.published : options.published;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    ...(published ? { datePublished: `${published}T09:30:00Z` } : {}),
    ...(options.author ? { author: { '@type': 'Person', name: options.author } } : {}),
    publisher: { '@type': 'Organization', name: outlet },
    mainEntityOfPage: url,
  };
  const body = (leadsWithHeadline ? lines.slice(1) : lines).map((line) => `      <p>${escapeHtml(line)}</p>`);
  const [
    skip,
    world,
    politics,
    business,
    opinion,
    subscribe,
    cookies,
    shareFb,
    shareX,
    mostRead,
    r1,
    r2,
    r3,
    news,
    copy,
    ...links
  ] = SITE_CHROME;
  return `<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)} | ${escapeHtml(outlet)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:site_name" content="${escapeHtml(outlet)}">
  <meta property="og:title" content="${escapeHtml(title)}">
  <meta property="og:type" content="article">
  <link rel="canonical" href="${escapeHtml(url)}">
  <script type="application/ld+json">${JSON.stringify(ld)}</script>
  <script>window.dataLayer = window.dataLayer || []; document.title = 'executed';</script>
  <style>body { font-family: serif } .cookie { position: fixed }</style>
</head>
<body class="article-page">
  <a class="skip-link" href="#main">${skip}</a>
  <header class="site-header">
    <a class="logo" href="/">${escapeHtml(outlet)}</a>
    <nav class="primary-nav"><ul>
      <li><a href="/world">${world}</a></li><li><a href="/politics">${politics}</a></li>
      <li><a href="/business">${business}</a></li><li><a href="/opinion">${opinion}</a></li>
    </ul></nav>
    <a class="cta" href="/subscribe">${subscribe}</a>
  </header>
  <div class="cookie-banner" role="dialog"><p>${cookies}</p><button>Accept</button></div>
  <main id="main">
    <article class="story">
      <h1 class="headline">${escapeHtml(title)}</h1>
${body.join('\n')}
      <div class="share-bar"><a href="#">${shareFb}</a> <a href="#">${shareX}</a></div>
    </article>
    <aside class="sidebar related">
      <h2>${mostRead}</h2>
      <ol><li><a href="/a">${r1}</a></li><li><a href="/b">${r2}</a></li><li><a href="/c">${r3}</a></li></ol>
    </aside>
  </main>
  <footer class="site-footer">
    <div class="newsletter"><p>${news}</p><form><input type="email"><button>Sign up</button></form></div>
    <ul>${links.map((l) => `<li><a href="#">${l}</a></li>`).join('')}</ul>
    <p class="copyright">${copy}</p>
  </footer>
</body>
</html>`;
}
