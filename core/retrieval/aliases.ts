import { aliasGroups, knowledgeVersion } from '../knowledge/word-groups.ts';

let built = -1;
let index = new Map<string, readonly string[]>();

/** The alias group of a lower-cased term (core/knowledge/aliases.json and the operator's), or just the term. */
export function expandTerm(term: string): readonly string[] {
  if (built !== knowledgeVersion()) {
    index = new Map();
    for (const group of aliasGroups())
      for (const word of group) index.set(word, [...(index.get(word) ?? []), ...group]);
    for (const [word, all] of index) index.set(word, [...new Set(all)]);
    built = knowledgeVersion();
  }
  return index.get(term) ?? [term];
}
