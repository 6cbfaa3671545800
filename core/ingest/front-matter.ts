/** Metadata from a Markdown file's front matter (the `---` block at its top), read like an HTML page's meta tags. */

import { isoDatePrefix } from './date-hint.ts';

export interface FrontMatterHints {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

/** Accepted keys per field, first present wins (the names static-site generators and news exports use). */
const KEYS: Record<keyof FrontMatterHints, readonly string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publisher', 'site_name', 'site'],
  author: ['author', 'authors', 'byline', 'by'],
  publishedAt: ['date', 'published', 'published_at', 'publishedat', 'pubdate', 'date_published'],
  url: ['url', 'canonical', 'canonical_url', 'link', 'source_url'],
  language: ['language', 'lang'],
};

function unquote(value: string): string {
  const text = value.trim();
  if (
    text.length >= 2 &&
    ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))
  ) {
    return text.slice(1, -1).trim();
  }
  return text;
}

/** `[a, "b"]` (a YAML flow list) as its items. */
function flowList(value: string): string[] | null {
  const text = value.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  return text
    .slice(1, -1)
    .split(',')
    .map(unquote)
    .filter((item) => item !== '');
}

/**
 * Reads the simple YAML of front matter: `key: value` lines (values optionally quoted), flow lists `[a, b]`
 * and block lists (`key:` followed by `- item` lines). Lists are joined with ", ". Keys are lower-cased.
 * Nested maps and multi-line strings are not metadata this reads, and are skipped.
 */
export function parseFrontMatter(raw: string): Map<string, string> | null {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return null;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) return null;
  const fields = new Map<string, string>();
  let listKey: string | null = null;
  const listItems: string[] = [];
  const endList = () => {
    if (listKey && listItems.length > 0) fields.set(listKey, listItems.join(', '));
    listKey = null;
    listItems.length = 0;
  };
  for (const line of lines.slice(1, close)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (listKey && item) {
      const value = unquote(item[1] ?? '');
      if (value) listItems.push(value);
      continue;
    }
    endList();
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase().replaceAll('-', '_');
    const value = (pair[2] ?? '').replace(/\s+#.*$/, '').trim();
    if (value === '') {
      listKey = key;
      continue;
    }
    const list = flowList(value);
    const text = list ? list.join(', ') : unquote(value);
    if (text && !fields.has(key)) fields.set(key, text);
  }
  endList();
  return fields;
}

/** Metadata hints from Markdown front matter; every field is null when the front matter does not say. */
export function frontMatterHints(raw: string): FrontMatterHints {
  const fields = parseFrontMatter(raw) ?? new Map<string, string>();
  const first = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      const value = fields.get(key);
      if (value) return value;
    }
    return null;
  };
  const date = first(KEYS.publishedAt);
  const language = first(KEYS.language);
  return {
    title: first(KEYS.title),
    outlet: first(KEYS.outlet),
    author: first(KEYS.author)?.replace(/^By\s+/i, '') ?? null,
    publishedAt: date ? isoDatePrefix(date) : null,
    url: first(KEYS.url),
    language: language ? (language.split(/[-_]/)[0] ?? '').toLowerCase() || null : null,
  };
}
