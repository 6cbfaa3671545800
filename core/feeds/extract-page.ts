import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { htmlMetaHints } from '../ingest/html-meta.ts';
import { htmlToLines } from '../ingest/html-to-lines.ts';
import { extractArticle } from '../ingest/strip-chrome.ts';
import { canonicalUrl } from './canonical-url.ts';
import { feedDate } from './feed-date.ts';
import { jsonLdArticle } from './json-ld.ts';

/** An article read from a web page: its paragraphs (page chrome removed) and its metadata. */
export interface WebArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** The page's canonical URL (rel=canonical, og:url or JSON-LD), else the fetched URL, canonicalised. */
  canonicalUrl: string | null;
  language: string | null;
  paragraphs: string[];
}

// linkedom and Readability load on the first page, not at every start-up (ingest imports this module).
const load = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | null = null;

/** The article content Readability finds, as HTML; null when it finds none. Scripts are never run. */
function readableContent(html: string): string | null {
  dom ??= {
    parseHTML: (load('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
    Readability: (load('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
  };
  const { parseHTML, Readability } = dom;
  const { document } = parseHTML(html);
  // Readability is typed against the DOM lib; linkedom's document implements the parts it uses.
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  return article?.content ?? null;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const scriptBodies = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi)].map(
    (m) => m[1] ?? '',
  );

/**
 * Extracts the article of an HTML page with Mozilla Readability over linkedom, then the project's chrome rules
 * (captions, bylines, related lists inside the article). Metadata: JSON-LD first, then Open Graph and meta tags.
 * Falls back to the whole page's text when Readability finds no article.
 */
export function extractPage(html: string, pageUrl: string | null): WebArticle {
  const ld = jsonLdArticle(scriptBodies(html));
  const meta = htmlMetaHints(html);
  const content = readableContent(html);
  // Readability drops the headline from its content; putting it back lets the chrome rules tell it from the body.
  const headline = ld?.headline ?? meta.headline ?? meta.title;
  const lead = headline ? `<h1>${escapeHtml(headline)}</h1>` : '';
  const fromReadability = content ? extractArticle(htmlToLines(`<article>${lead}${content}</article>`)) : null;
  const article =
    fromReadability && fromReadability.paragraphs.length > 0 ? fromReadability : extractArticle(htmlToLines(html));
  const declared = ld?.url ?? meta.url;
  const language = ld?.language ?? meta.language;
  return {
    title: ld?.headline ?? meta.headline ?? meta.title ?? article.title,
    outlet: meta.outlet ?? ld?.publisher ?? article.hints.outlet,
    author: ld?.author ?? meta.author ?? article.hints.author,
    publishedAt:
      (ld?.datePublished ? feedDate(ld.datePublished) : null) ?? meta.publishedAt ?? article.hints.publishedAt,
    canonicalUrl:
      (declared ? canonicalUrl(declared, pageUrl ?? undefined) : null) ?? (pageUrl ? canonicalUrl(pageUrl) : null),
    language: language ? (language.split(/[-_]/)[0] ?? '').toLowerCase() || null : null,
    paragraphs: article.paragraphs,
  };
}
