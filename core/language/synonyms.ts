import { aliasGroups, knowledgeVersion, synonymGroupsData } from '../knowledge/word-groups.ts';
import { formsMatch, lemma } from './lemma.ts';

export interface SynonymGroup {
  stems: ReadonlySet<string>;
  phrases: readonly string[];
  /** The group's words as written, for widening a search. */
  words: readonly string[];
}

let byStem = new Map<string, SynonymGroup[]>();
let fuzzy = new Map<string, readonly SynonymGroup[]>();
let built = -1;

/** Indexes the word groups (core/knowledge: general synonyms and domain aliases) by stem; again after the operator adds some. */
function index(): void {
  if (built === knowledgeVersion()) return;
  byStem = new Map();
  fuzzy = new Map();
  for (const group of [...synonymGroupsData(), ...aliasGroups()]) {
    const single = group.filter((entry) => !entry.includes(' '));
    const entry: SynonymGroup = {
      stems: new Set(single.map(lemma)),
      phrases: group.filter((term) => term.includes(' ')),
      words: group,
    };
    for (const s of entry.stems) byStem.set(s, [...(byStem.get(s) ?? []), entry]);
  }
  built = knowledgeVersion();
}

/** The synonym groups a stem belongs to, also through another form of it ("travell" → "travel"); empty when none. */
export function synonymGroups(wordStem: string): readonly SynonymGroup[] {
  index();
  const exact = byStem.get(wordStem);
  if (exact) return exact;
  let found = fuzzy.get(wordStem);
  if (!found) {
    found = [...byStem.entries()].filter(([key]) => formsMatch(key, wordStem)).flatMap(([, groups]) => groups);
    if (fuzzy.size < 10_000) fuzzy.set(wordStem, found);
  }
  return found;
}
