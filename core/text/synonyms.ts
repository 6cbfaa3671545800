import { stem, stemsMatch } from './stem.ts';

/**
 * Words a reader may use for what the news text says with another word. General
 * vocabulary of diplomatic news, not tuned to particular questions. Multi-word
 * entries match as phrases.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['usa', 'united states', 'washington', 'american', 'america', 'americans'],
  ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ['nato', 'alliance', 'north atlantic treaty organization'],
  [
    'talks',
    'negotiations',
    'negotiate',
    'negotiators',
    'discussions',
    'dialogue',
    'meeting',
    'summit',
    'round',
    'session',
  ],
  ['troops', 'forces', 'soldiers', 'troop'],
  ['ukraine', 'ukrainian', 'kyiv', 'kiev'],
  ['eu', 'european union'],
  [
    'osce',
    'organization for security and cooperation in europe',
    'organisation for security and cooperation in europe',
  ],
  ['concession', 'compromise', 'back down', 'concede'],
  ['invade', 'invasion', 'incursion', 'aggression', 'attack', 'attacking'],
  ['expand', 'expansion', 'enlargement', 'eastward', 'expanding'],
  ['sanctions', 'penalties', 'consequences', 'costs'],
  ['border', 'frontier', 'borders'],
  ['missile', 'missiles', 'weapons'],
  ['exercises', 'drills'],
  ['disappointed', 'disappointment', 'dissatisfied'],
  ['optimistic', 'optimism', 'hopeful', 'hope', 'upbeat'],
  ['deadline', 'deadlines', 'timeline', 'time limit'],
  ['uk', 'britain', 'united kingdom', 'british'],
  ['lead', 'head', 'led', 'headed', 'heads', 'chief', 'leader', 'run', 'runs', 'director', 'direct'],
  ['dinner', 'dine', 'dined', 'supper', 'meal'],
  ['meet', 'met', 'meeting', 'sit', 'sit down', 'session', 'talks'],
  ['say', 'tell', 'remark', 'comment', 'declare', 'describe', 'speak', 'speaking'],
  ['warn', 'warning', 'threaten', 'caution'],
  ['demand', 'insist', 'require', 'request', 'guarantee', 'guarantees', 'want', 'seek'],
  ['begin', 'start', 'open', 'launch', 'kick off'],
  ['breakthrough', 'progress', 'headway'],
  ['die', 'dead', 'death', 'deaths', 'killed', 'kill'],
  ['seize', 'annex', 'annexation', 'annexing', 'take over'],
  ['amass', 'mass', 'massed', 'deploy', 'deployed', 'build-up', 'buildup', 'gather', 'station'],
  ['represent', 'representative', 'delegation', 'envoy'],
  ['side', 'delegation', 'team'],
  ['membership', 'member', 'join', 'admit', 'admitting', 'accession'],
  ['phone', 'call', 'calls', 'speak', 'spoken'],
  ['spokesman', 'spokesperson', 'spokeswoman', 'speak', 'speaks', 'voice'],
  ['minister', 'secretary'],
  ['residence', 'home', 'house'],
  ['lake', 'lakeside'],
  ['difficult', 'hard', 'tough'],
  ['mistake', 'error'],
  ['support', 'back', 'backing', 'prop', 'prop up', 'shore', 'shore up'],
  ['reinforcements', 'reinforce', 'more troops'],
  ['pipeline', 'nord stream'],
  ['travel', 'visit', 'trip', 'tour', 'fly', 'go to'],
  ['cancel', 'scrap', 'drop', 'abandon', 'halt', 'canceling', 'cancelling'],
  ['journalist', 'reporter', 'press', 'media'],
  ['broadcaster', 'network', 'channel', 'television', 'tv'],
  ['adviser', 'advise', 'advisor', 'aide'],
  ['host', 'hosted', 'hosting', 'hold', 'held', 'stage'],
  ['photo', 'photograph', 'picture', 'image'],
  ['escalation', 'escalate', 'confrontation'],
  ['penalty', 'sanction', 'sanctions', 'penalties', 'restrictions'],
  ['response', 'respond', 'retaliation', 'reaction'],
  ['fast', 'quick', 'rapid', 'swift'],
  ['assistance', 'aid', 'help'],
  ['center', 'centre'],
  ['outline', 'unveil', 'unveiled', 'detail', 'details', 'present', 'lay out', 'set out', 'spell out'],
  ['intend', 'intention', 'plan', 'aim', 'mean to'],
  ['report', 'according to', 'cited', 'quoted'],
  ['outcome', 'result', 'come out', 'came out', 'produce'],
  ['apart', 'disparity', 'gap', 'differences', 'divide', 'opposite'],
];

export interface SynonymGroup {
  stems: ReadonlySet<string>;
  phrases: readonly string[];
  /** The group's words as written, for widening a search. */
  words: readonly string[];
}

const byStem = new Map<string, SynonymGroup[]>();
for (const group of GROUPS) {
  const single = group.filter((entry) => !entry.includes(' '));
  const entry: SynonymGroup = {
    stems: new Set(single.map(stem)),
    phrases: group.filter((term) => term.includes(' ')),
    words: group,
  };
  for (const s of entry.stems) byStem.set(s, [...(byStem.get(s) ?? []), entry]);
}

const fuzzy = new Map<string, readonly SynonymGroup[]>();

/** The synonym groups a stem belongs to, also through another form of it ("travell" → "travel"); empty when none. */
export function synonymGroups(wordStem: string): readonly SynonymGroup[] {
  const exact = byStem.get(wordStem);
  if (exact) return exact;
  let found = fuzzy.get(wordStem);
  if (!found) {
    found = [...byStem.entries()].filter(([key]) => stemsMatch(key, wordStem)).flatMap(([, groups]) => groups);
    if (fuzzy.size < 10_000) fuzzy.set(wordStem, found);
  }
  return found;
}
