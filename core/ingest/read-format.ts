/** Source formats of corpus files and their conversion to plain-text lines for article extraction. */

import { decodeEntities } from './html-entities.ts';
import { htmlToLines } from './html-to-lines.ts';
import { markdownToLines } from './markdown-to-lines.ts';

export type { HtmlMetaHints } from './html-meta.ts';
export { htmlMetaHints } from './html-meta.ts';

export type SourceFormat = 'txt' | 'md' | 'html';

const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** The format a file's extension names (case-insensitive), or null for anything else. */
export function formatFromPath(path: string): SourceFormat | null {
  const name = path.split(/[\\/]/).at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * Converts a source file to lines of plain text. Plain text is split on line breaks (\n, \r\n, \r), every line
 * otherwise as in the file except for HTML character references ("&amp;"), which pages saved as text often keep;
 * Markdown and HTML are converted.
 */
export function toPlainLines(raw: string, format: SourceFormat): string[] {
  switch (format) {
    case 'txt':
      return raw.split(/\r\n|\r|\n/).map(decodeEntities);
    case 'md':
      return markdownToLines(raw);
    case 'html':
      return htmlToLines(raw);
  }
}
