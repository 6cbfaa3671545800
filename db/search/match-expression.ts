import type { PhraseGroups } from '../../core/ports/corpus-store.ts';

/** Quotes a phrase as an FTS5 string, so no character of it is syntax (inner quotes are doubled). */
export function quotePhrase(phrase: string): string {
  return `"${phrase.replaceAll('"', '""')}"`;
}

/** One group as FTS5 syntax: a quoted phrase, or an OR of them in parentheses. */
export function groupExpression(group: readonly string[]): string {
  return group.length === 1 ? quotePhrase(group[0] as string) : `(${group.map(quotePhrase).join(' OR ')})`;
}

/**
 * The FTS5 MATCH expression for the OR of every group, or null when no group has a phrase. Every
 * phrase is quoted, so user text never reaches MATCH as syntax; the only operators are the ORs built here.
 */
export function matchExpression(groups: PhraseGroups): string | null {
  const nonEmpty = groups.filter((group) => group.length > 0);
  return nonEmpty.length === 0 ? null : nonEmpty.map(groupExpression).join(' OR ');
}
