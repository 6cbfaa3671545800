/**
 * Building blocks for Telegram HTML (parse_mode HTML). A Piece carries the
 * markup and the text a reader sees, so message lengths can be measured the
 * way Telegram measures them: after entity parsing.
 */
export interface Piece {
  html: string;
  /** What Telegram shows once the markup is parsed. */
  plain: string;
}

// A word joiner after '@' keeps "@everyone" or "@someone" in a quote or a question
// from becoming a mention entity that notifies a user; readers see the same text.
const MENTION = /@(?=[A-Za-z0-9_])/g;
const WORD_JOINER = '\u2060';

/** Makes arbitrary text safe to show: mentions neutralised. */
export function neutraliseMentions(text: string): string {
  return text.replace(MENTION, `@${WORD_JOINER}`);
}

/** Escapes text for use between tags (&, <, >). */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Plain text as a Piece: escaped, mentions neutralised. */
export function text(value: string): Piece {
  const plain = neutraliseMentions(value);
  return { html: escapeHtml(plain), plain };
}

function wrap(tag: string, inner: Piece): Piece {
  return { html: `<${tag}>${inner.html}</${tag}>`, plain: inner.plain };
}

export const bold = (inner: Piece): Piece => wrap('b', inner);
export const italic = (inner: Piece): Piece => wrap('i', inner);
export const blockquote = (inner: Piece): Piece => wrap('blockquote', inner);

/** A link when the URL is an http(s) URL; otherwise just the text. */
export function link(url: string | null | undefined, inner: Piece): Piece {
  if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return inner;
  return { html: `<a href="${escapeAttribute(url)}">${inner.html}</a>`, plain: inner.plain };
}

/** Concatenates pieces. */
export function join(...pieces: Piece[]): Piece {
  return { html: pieces.map((p) => p.html).join(''), plain: pieces.map((p) => p.plain).join('') };
}
