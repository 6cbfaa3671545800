/** Article metadata from a page's JSON-LD (schema.org NewsArticle and kin). */

export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  url: string | null;
  language: string | null;
}

type Node = Record<string, unknown>;

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$/;

function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== 'object') return [];
  const node = value as Node;
  return [node, ...nodes(node['@graph'])];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(text).filter((v): v is string => v !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value !== null && typeof value === 'object') {
    const node = value as Node;
    return text(node.name ?? node['@id'] ?? null);
  }
  return null;
}

const isArticle = (node: Node): boolean => {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
};

/** Reads the first article object of the given JSON-LD script bodies; unparsable scripts are skipped. */
export function jsonLdArticle(scripts: readonly string[]): JsonLdArticle | null {
  for (const script of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script);
    } catch {
      continue;
    }
    const article = nodes(parsed).find(isArticle);
    if (!article) continue;
    const page = article.mainEntityOfPage;
    return {
      headline: text(article.headline ?? article.name),
      author: text(article.author),
      publisher: text(article.publisher),
      datePublished: text(article.datePublished ?? article.dateCreated),
      url: text(article.url) ?? (typeof page === 'string' ? page : text((page as Node | undefined)?.['@id'])),
      language: text(article.inLanguage),
    };
  }
  return null;
}
