import { parseFeed as parseAnyFeed } from 'feedsmith';
import type { FetchResponse } from '../ports/web-fetcher.ts';
import { decodeText } from './decode-text.ts';
import { FetchError } from './fetch-error.ts';

/** One item of a feed, in the fields every format can give. */
export interface FeedEntry {
  /** The GUID / id, else the link: what makes the item the same item across polls. */
  key: string;
  url: string | null;
  title: string | null;
  /** The item's own text (HTML or plain), the fallback when its page cannot be fetched. */
  content: string | null;
  author: string | null;
  /** The item's date as given (RFC 822 or ISO), or null. */
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  entries: FeedEntry[];
}

/** Media types a feed may be served as; HTML pages, images and the like are refused. */
const FEED_TYPE = /(xml|rss|atom|rdf|json|^text\/plain$|^application\/octet-stream$)/;

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null;

/** A string at a path of object keys (array steps take the first element); strings inside { value } count too. */
function pick(value: unknown, ...path: string[]): string | null {
  let node: unknown = value;
  for (const key of path) {
    if (Array.isArray(node)) node = node[0];
    node = asNode(node)?.[key];
  }
  if (Array.isArray(node)) node = node[0];
  if (typeof node === 'string') return node.trim() || null;
  const inner = asNode(node)?.value;
  return typeof inner === 'string' ? inner.trim() || null : null;
}

const first = (...values: (string | null)[]): string | null => values.find((v) => v !== null) ?? null;

function atomLink(entry: Node): string | null {
  const links = Array.isArray(entry.links) ? entry.links.map(asNode) : [];
  const alternate = links.find((l) => l && (l.rel === undefined || l.rel === 'alternate'));
  return pick(alternate ?? links[0], 'href');
}

function toEntry(format: ParsedFeed['format'], raw: Node): FeedEntry | null {
  let entry: Omit<FeedEntry, 'key'> & { id: string | null };
  if (format === 'atom') {
    entry = {
      id: pick(raw, 'id'),
      url: atomLink(raw),
      title: pick(raw, 'title'),
      content: first(pick(raw, 'content'), pick(raw, 'summary')),
      author: pick(raw, 'authors', 'name'),
      published: first(pick(raw, 'published'), pick(raw, 'updated')),
    };
  } else if (format === 'json') {
    entry = {
      id: pick(raw, 'id'),
      url: first(pick(raw, 'url'), pick(raw, 'external_url')),
      title: pick(raw, 'title'),
      content: first(pick(raw, 'content_html'), pick(raw, 'content_text'), pick(raw, 'summary')),
      author: first(pick(raw, 'authors', 'name'), pick(raw, 'author', 'name')),
      published: first(pick(raw, 'date_published'), pick(raw, 'date_modified')),
    };
  } else {
    entry = {
      id: first(pick(raw, 'guid'), pick(raw, 'rdf:about'), pick(raw, 'about')),
      url: pick(raw, 'link'),
      title: pick(raw, 'title'),
      content: first(pick(raw, 'content', 'encoded'), pick(raw, 'description')),
      author: first(pick(raw, 'dc', 'creators'), pick(raw, 'dc', 'creator'), pick(raw, 'authors'), pick(raw, 'author')),
      published: first(pick(raw, 'pubDate'), pick(raw, 'dc', 'dates'), pick(raw, 'dc', 'date')),
    };
  }
  const { id, ...rest } = entry;
  const key = id ?? rest.url;
  return key ? { key, ...rest } : null;
}

/**
 * Parses a fetched feed (RSS 2.0, Atom, RDF or JSON Feed) with feedsmith. Throws FetchError for a wrong
 * content type, an undecodable charset, a body cut off at the size cap, or text that is not a feed.
 */
export function parseFeedResponse(response: FetchResponse): ParsedFeed {
  const what = response.url;
  if (response.contentType && !FEED_TYPE.test(response.contentType)) {
    throw new FetchError('not_a_feed', `${what} is ${response.contentType}, not a feed.`);
  }
  if (response.truncated) throw new FetchError('too_large', `${what} is larger than the size cap.`);
  const text = decodeText(response.body, response.charset, what);
  let input: string | object = text;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed) as object;
    } catch {
      throw new FetchError('not_a_feed', `${what}: malformed JSON.`);
    }
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseAnyFeed(input) as { format: string; feed: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new FetchError('not_a_feed', `${what}: not a readable feed (${reason}).`);
  }
  const format = parsed.format as ParsedFeed['format'];
  const feed = asNode(parsed.feed) ?? {};
  const rawItems = format === 'atom' ? feed.entries : feed.items;
  const entries = (Array.isArray(rawItems) ? rawItems : [])
    .map((item) => (asNode(item) ? toEntry(format, item as Node) : null))
    .filter((entry): entry is FeedEntry => entry !== null);
  return { format, title: pick(feed, 'title'), entries };
}
