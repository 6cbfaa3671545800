/**
 * Domain alias groups: a query term in a group also searches the others.
 * Multi-word entries are searched as phrases. "u s" is how FTS tokenizes "U.S.".
 */
export const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['us', 'u s', 'usa', 'united states', 'washington', 'american', 'americans', 'america'],
  ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ['nato', 'alliance', 'north atlantic treaty organization'],
  ['talks', 'negotiations', 'negotiation', 'negotiate', 'negotiators', 'discussions', 'dialogue'],
  ['troops', 'forces', 'soldiers', 'troop'],
  ['sergei', 'sergey'],
  ['ukraine', 'ukrainian', 'kyiv', 'kiev'],
  ['eu', 'european union'],
  [
    'osce',
    'organization for security and cooperation in europe',
    'organisation for security and cooperation in europe',
  ],
  ['concession', 'concessions', 'compromise'],
  ['invade', 'invasion', 'incursion', 'invades', 'aggression'],
  ['expand', 'expansion', 'enlargement', 'expanding'],
  ['sanctions', 'sanction', 'penalties'],
  ['border', 'borders', 'frontier'],
  ['missile', 'missiles'],
  ['exercises', 'drills'],
  ['disappointed', 'disappointment'],
  ['optimistic', 'optimism', 'hopeful'],
  ['deadline', 'deadlines'],
  ['peskov', 'spokesman'],
  ['blinken', 'secretary of state'],
  ['uk', 'britain', 'united kingdom', 'british'],
];

const index = new Map<string, readonly string[]>();
for (const group of ALIAS_GROUPS) {
  for (const term of group) index.set(term, group);
}

/** The alias group of a lower-cased term, or just the term itself. */
export function expandTerm(term: string): readonly string[] {
  return index.get(term) ?? [term];
}
