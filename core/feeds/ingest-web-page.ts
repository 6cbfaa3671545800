import { createHash } from 'node:crypto';
import { htmlToLines } from '../ingest/html-to-lines.ts';
import { buildArticleText, splitPassages } from '../ingest/split-passages.ts';
import { extractArticle } from '../ingest/strip-chrome.ts';
import type { CorpusStore, DocumentToSave, SaveOutcome } from '../ports/corpus-store.ts';
import type { FeedStore } from '../ports/feed-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { WebFetcher } from '../ports/web-fetcher.ts';
import { createStoryMatcher, type StoryMatcher } from './assign-story.ts';
import { canonicalUrl } from './canonical-url.ts';
import { decodeText } from './decode-text.ts';
import { extractPage, type WebArticle } from './extract-page.ts';
import { feedDate } from './feed-date.ts';
import { FetchError } from './fetch-error.ts';

/** Bumped when web extraction changes, so stored pages are rewritten on their next fetch. */
const WEB_INGEST_VERSION = '2';
const PAGE_TYPE = /^(text\/html|application\/xhtml\+xml)$/;

export interface WebIngestDeps {
  corpus: CorpusStore;
  feeds: FeedStore;
  fetcher: WebFetcher;
  logger: Logger;
  now(): Date;
  /** Shared by the pages of one pass; a new one per call when absent. */
  stories?: StoryMatcher;
}

/** What a feed knows about an item: used where the page says nothing, and as the text when it cannot be fetched. */
export interface FeedFallback {
  title: string | null;
  author: string | null;
  published: string | null;
  /** The operator's --outlet, else the feed's title. */
  outlet: string | null;
  /** The item's content or summary (HTML or plain text). */
  content: string | null;
  /** Set by the operator: wins over what the page says. */
  outletFixed: boolean;
}

export interface WebIngestResult {
  url: string;
  documentId: string;
  outcome: SaveOutcome;
  passages: number;
  storyId: string;
  /** True when the page could not be read and the feed item's own text was stored. */
  fromFeed: boolean;
}

/** The document id of a web page: stable for its canonical URL, whichever feed or link it came through. */
export function webDocumentId(url: string): string {
  return `web_${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

async function fetchArticle(fetcher: WebFetcher, url: string): Promise<WebArticle> {
  const response = await fetcher.fetch({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' });
  if (response.status !== 200) throw new FetchError('http_status', `${url} answered HTTP ${response.status}.`);
  if (response.contentType && !PAGE_TYPE.test(response.contentType)) {
    throw new FetchError('no_article', `${url} is ${response.contentType}, not a web page.`);
  }
  return extractPage(decodeText(response.body, response.charset, url), response.url);
}

function articleFromFeed(fallback: FeedFallback, url: string | null): WebArticle {
  const content = fallback.content ?? '';
  const html = /<[a-z][\s\S]*>/i.test(content)
    ? content
    : content
        .split(/\n\s*\n/)
        .map((p) => `<p>${p}</p>`)
        .join('');
  const lead = fallback.title ? `<h1>${fallback.title.replace(/</g, '&lt;')}</h1>` : '';
  const article = extractArticle(htmlToLines(`<article>${lead}${html}</article>`));
  return {
    title: fallback.title,
    outlet: null,
    author: null,
    publishedAt: null,
    canonicalUrl: url ? canonicalUrl(url) : null,
    language: null,
    paragraphs: article.paragraphs,
  };
}

/** A page read and turned into a document, not yet stored. */
export interface PreparedWebPage {
  url: string;
  toSave: DocumentToSave;
  fromFeed: boolean;
}

/**
 * Fetches a page and extracts its article into a document whose id derives from its canonical URL (so the
 * same article reached through two feeds or a tracking link is one document, and an edit updates it in place).
 * With a feed fallback, a page that cannot be read is made from the feed item. Writes nothing; throws
 * FetchError when there is no article text at all.
 */
export async function prepareWebPage(
  deps: Pick<WebIngestDeps, 'fetcher' | 'logger'>,
  url: string,
  fallback: FeedFallback | null = null,
): Promise<PreparedWebPage> {
  let article: WebArticle | null = null;
  let fromFeed = false;
  try {
    article = await fetchArticle(deps.fetcher, url);
    if (article.paragraphs.length === 0) throw new FetchError('no_article', `${url} has no article text.`);
  } catch (error) {
    if (!(error instanceof FetchError) || fallback?.content == null) throw error;
    deps.logger.warn({ url, err: error.message }, 'page not readable; storing the feed item text');
    article = articleFromFeed(fallback, url);
    fromFeed = true;
    if (article.paragraphs.length === 0) throw new FetchError('no_article', `${url} and its feed item have no text.`);
  }
  const canonical = article.canonicalUrl ?? canonicalUrl(url) ?? url;
  const articleText = buildArticleText(article.paragraphs);
  const meta = {
    id: webDocumentId(canonical),
    title: article.title ?? fallback?.title ?? null,
    outlet:
      (fallback?.outletFixed ? fallback.outlet : null) ??
      article.outlet ??
      fallback?.outlet ??
      new URL(canonical).hostname,
    author: article.author ?? fallback?.author ?? null,
    publishedAt: article.publishedAt ?? (fallback?.published ? feedDate(fallback.published) : null),
    url: canonical,
    language: article.language,
  };
  const contentHash = createHash('sha256')
    .update(WEB_INGEST_VERSION)
    .update('\0')
    .update(articleText)
    .update('\0')
    .update(JSON.stringify(meta))
    .digest('hex');
  return {
    url: canonical,
    toSave: { document: { ...meta, articleText, contentHash, sourcePath: null }, passages: splitPassages(articleText) },
    fromFeed,
  };
}

/** Stores prepared pages in one transaction and gives each its story. */
export async function storeWebPages(
  deps: Pick<WebIngestDeps, 'corpus' | 'feeds' | 'now' | 'stories'>,
  pages: readonly PreparedWebPage[],
): Promise<WebIngestResult[]> {
  if (pages.length === 0) return [];
  const outcomes = await deps.corpus.saveDocuments(pages.map((p) => p.toSave));
  const stories = deps.stories ?? createStoryMatcher(deps.feeds, deps.now);
  const storyIds = await stories.assign(
    pages.map((p) => ({ id: p.toSave.document.id, articleText: p.toSave.document.articleText, canonicalUrl: p.url })),
  );
  return pages.map((p, i) => ({
    url: p.url,
    documentId: p.toSave.document.id,
    outcome: outcomes[i] ?? 'unchanged',
    passages: p.toSave.passages.length,
    storyId: storyIds[i] ?? p.toSave.document.id,
    fromFeed: p.fromFeed,
  }));
}

/** Fetches, extracts and stores one page (`ingest <url>`); see prepareWebPage. */
export async function ingestWebPage(
  deps: WebIngestDeps,
  url: string,
  fallback: FeedFallback | null = null,
): Promise<WebIngestResult> {
  const [result] = await storeWebPages(deps, [await prepareWebPage(deps, url, fallback)]);
  return result as WebIngestResult;
}
