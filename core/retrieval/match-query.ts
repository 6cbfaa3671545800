import { expandTerm } from './aliases.ts';
import { tokenize } from './tokenize.ts';

export interface MatchQuery {
  /** The FTS5 MATCH expression, or null when the text has no searchable terms. */
  expression: string | null;
  /** The terms the expression was built from (before alias expansion). */
  terms: string[];
}

/** Quotes a term as an FTS5 string so no character of it is syntax. */
function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * Builds a safe FTS5 expression from user text: each term becomes a quoted
 * string (or an OR group of its aliases) and the groups are OR-ed, so BM25
 * ranks passages that match more of them higher. User text never reaches
 * MATCH raw.
 */
export function buildMatchQuery(text: string): MatchQuery {
  const terms = tokenize(text);
  if (terms.length === 0) return { expression: null, terms };
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const term of terms) {
    const aliases = expandTerm(term).filter((alias) => !seen.has(alias));
    if (aliases.length === 0) continue;
    for (const alias of aliases) seen.add(alias);
    groups.push(aliases.length === 1 ? quote(aliases[0] as string) : `(${aliases.map(quote).join(' OR ')})`);
  }
  return { expression: groups.join(' OR '), terms };
}
