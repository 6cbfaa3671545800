/** Metadata hints from an HTML page's head: <title>, <h1>, Open Graph and article meta tags. */

import { isoDatePrefix } from './date-hint.ts';
import { decodeEntities } from './html-entities.ts';
import { inlineText, withoutCode } from './html-to-lines.ts';

export interface HtmlMetaHints {
  /** og:title, else the <title> text. */
  title: string | null;
  /** The first <h1>. */
  headline: string | null;
  /** og:site_name or application-name. */
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD from article:published_time, a date meta tag or the first <time datetime>. */
  publishedAt: string | null;
  /** rel=canonical, else og:url. */
  url: string | null;
  /** Primary language subtag of <html lang>, lower-case ("en"). */
  language: string | null;
}

const ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!map.has(name)) map.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return map;
}

function tagsNamed(html: string, name: string): Map<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((match) => attributes(match[0]));
}

function firstText(html: string, tag: string): string | null {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html);
  const text = match ? inlineText(match[1] ?? '') : '';
  return text || null;
}

/** Looks up meta content by property or name, first key that is present wins. */
function metaContent(metas: Map<string, string>[], keys: string[]): string | null {
  for (const key of keys) {
    for (const meta of metas) {
      const label = (meta.get('property') ?? meta.get('name') ?? meta.get('itemprop') ?? '').toLowerCase();
      const content = meta.get('content');
      if (label === key && content) return content;
    }
  }
  return null;
}

/** Extracts best-effort metadata hints from an HTML page; every field is null when the page does not say. */
export function htmlMetaHints(raw: string): HtmlMetaHints {
  const page = withoutCode(raw);
  const metas = tagsNamed(page, 'meta');
  const authorMeta = metaContent(metas, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author']);
  // article:author is often a profile URL rather than a name.
  const author = authorMeta && !/^https?:\/\//i.test(authorMeta) ? authorMeta.replace(/^By\s+/i, '') : null;
  const dateMeta = metaContent(metas, [
    'article:published_time',
    'datepublished',
    'date',
    'pubdate',
    'publish-date',
    'dc.date',
    'dc.date.issued',
    'og:article:published_time',
  ]);
  const timeTag = tagsNamed(page, 'time').find((time) => time.get('datetime'));
  const publishedRaw = dateMeta ?? timeTag?.get('datetime') ?? null;
  const canonical = tagsNamed(page, 'link').find((link) => (link.get('rel') ?? '').toLowerCase() === 'canonical');
  const lang = tagsNamed(page, 'html')[0]?.get('lang') ?? null;
  return {
    title: metaContent(metas, ['og:title', 'twitter:title']) ?? firstText(page, 'title'),
    headline: firstText(page, 'h1'),
    outlet: metaContent(metas, ['og:site_name', 'application-name']),
    author,
    publishedAt: publishedRaw ? isoDatePrefix(publishedRaw) : null,
    url: canonical?.get('href') || metaContent(metas, ['og:url']),
    language: lang ? (lang.split(/[-_]/)[0] ?? '').toLowerCase() || null : null,
  };
}
