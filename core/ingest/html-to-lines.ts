/** A dependency-free, best-effort HTML to plain-text-lines converter for saved news pages. */

import { decodeEntities } from './html-entities.ts';

/** Elements whose whole content is page chrome or non-text. */
const DROPPED_ELEMENTS = [
  'head',
  'title',
  'nav',
  'header',
  'footer',
  'aside',
  'figcaption',
  'noscript',
  'template',
  'svg',
  'iframe',
  'form',
  'button',
  'select',
];
const RAW_TEXT_ELEMENTS = /<(script|style|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|blockquote|section|article|main|tr|table|thead|tbody|ul|ol|dl|dt|dd|figure|hr|pre|address)\b[^>]*>/gi;

/** The outermost elements named `tag` as [start of open tag, end of close tag) ranges, counting nesting. */
function elementRanges(html: string, tag: string): [number, number][] {
  const ranges: [number, number][] = [];
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  let depth = 0;
  let openedAt = 0;
  for (const match of html.matchAll(pattern)) {
    if (match[1] === '/') {
      if (depth === 0) continue;
      depth--;
      if (depth === 0) ranges.push([openedAt, match.index + match[0].length]);
    } else if (!match[0].endsWith('/>')) {
      if (depth === 0) openedAt = match.index;
      depth++;
    }
  }
  return ranges;
}

function removeElements(html: string, tag: string): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of elementRanges(html, tag)) {
    out += `${html.slice(cursor, start)} `;
    cursor = end;
  }
  return out + html.slice(cursor);
}

/** The text of an HTML fragment on one line: tags removed, entities decoded, whitespace collapsed. */
export function inlineText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes comments and script/style bodies, which would otherwise leak code into the text. */
export function withoutCode(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(RAW_TEXT_ELEMENTS, ' ');
}

/** The article's HTML: the text-richest <article>, else <main>, else <body>, else the whole page. */
function mainContent(html: string): string {
  for (const tag of ['article', 'main', 'body']) {
    let best: string | null = null;
    let bestLength = -1;
    for (const [start, end] of elementRanges(html, tag)) {
      const inner = html.slice(start, end);
      const length = inlineText(inner).length;
      if (length > bestLength) {
        best = inner;
        bestLength = length;
      }
    }
    if (best !== null && bestLength > 0) return best;
  }
  return html;
}

/**
 * Converts an HTML page to plain-text lines: drops chrome elements (nav, header, footer, aside, figcaption, ...),
 * prefers the <article> content, turns block elements into line breaks and list items into "- " lines, strips the
 * remaining tags and decodes entities. The page's first <h1> leads when the chosen content lacks it.
 */
export function htmlToLines(raw: string): string[] {
  const page = withoutCode(raw);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(page);
  const headline = h1 ? inlineText(h1[1] ?? '') : '';
  let content = mainContent(page);
  for (const tag of DROPPED_ELEMENTS) content = removeElements(content, tag);
  const text = decodeEntities(
    content
      .replace(/\s+/g, ' ')
      .replace(/<li\b[^>]*>/gi, '\n\n- ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(BLOCK_TAG, '\n\n')
      .replace(/<\/li\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  );
  const lines: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/[ \t\u00a0]+/g, ' ').trim();
    // Keep single blank lines: they tell paragraph breaks apart from line breaks inside a block.
    if (line !== '' || (lines.length > 0 && lines.at(-1) !== '')) lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  if (headline && !lines.includes(headline)) lines.unshift(headline, '');
  return lines;
}
