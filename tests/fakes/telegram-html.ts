/**
 * A strict checker for Telegram's HTML parse mode: only the tags Telegram
 * knows, balanced, with &, < and > escaped outside tags. Also returns the
 * visible text (what Telegram shows and counts against the 4,096 limit).
 */
export interface HtmlCheck {
  errors: string[];
  visible: string;
}

const ALLOWED: Record<string, readonly string[]> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  a: ['href'],
  code: ['class'],
  pre: [],
  blockquote: ['expandable'],
  'tg-spoiler': [],
  span: ['class'],
  'tg-emoji': ['emoji-id'],
};

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decode(entity: string): string {
  if (entity in NAMED) return NAMED[entity] ?? '';
  const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
  return String.fromCodePoint(code);
}

function checkAttributes(name: string, attributes: string, errors: string[]): void {
  const allowed = ALLOWED[name] ?? [];
  const seen = new Set<string>();
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const attr = (match[1] ?? '').toLowerCase();
    seen.add(attr);
    if (!allowed.includes(attr)) errors.push(`attribute ${attr} is not allowed on <${name}>`);
    const value = match[2] ?? '';
    if (/&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)/.test(value)) errors.push(`unescaped & in ${attr} of <${name}>`);
  }
  if (name === 'a' && !seen.has('href')) errors.push('<a> without href');
}

/** Checks one message's HTML the way Telegram's parser would reject it. */
export function checkTelegramHtml(html: string): HtmlCheck {
  const errors: string[] = [];
  const stack: string[] = [];
  let visible = '';
  let i = 0;
  while (i < html.length) {
    const char = html[i] ?? '';
    const rest = html.slice(i, i + 2048);
    if (char === '<') {
      const tag = TAG.exec(rest);
      if (!tag) {
        errors.push(`unescaped < at ${i}`);
        i += 1;
        continue;
      }
      const [whole, closing, rawName = '', attributes = ''] = tag;
      const name = rawName.toLowerCase();
      if (!(name in ALLOWED)) errors.push(`tag <${name}> is not allowed`);
      if (closing) {
        const open = stack.pop();
        if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}>`);
      } else {
        checkAttributes(name, attributes, errors);
        stack.push(name);
      }
      i += whole.length;
    } else if (char === '&') {
      const entity = ENTITY.exec(rest);
      if (!entity) {
        errors.push(`unescaped & at ${i}`);
        visible += char;
        i += 1;
        continue;
      }
      visible += decode(entity[1] ?? '');
      i += entity[0].length;
    } else {
      if (char === '>') errors.push(`unescaped > at ${i}`);
      visible += char;
      i += 1;
    }
  }
  if (stack.length > 0) errors.push(`unclosed tags: ${stack.join(', ')}`);
  return { errors, visible };
}
