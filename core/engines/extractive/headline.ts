import { isIrregularPast } from '../../language/lemma.ts';
import type { Cluster } from './clusters.ts';

const DATELINE = /^[A-Z][A-Z.'’ ]{4,}(?:\s*\([^)]{1,40}\))?\s*[-–—]\s*/;
const LEADING_ADVERBIAL = /^(?:On|In|Earlier on|Late on|By) [A-Z][a-z]+(?: [a-z]+)?,\s*/;
const TIME_PHRASE =
  /\s+(?:on|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?/g;
/** Where a clause ends and the detail begins. */
const CLAUSE_BREAK = /,|;|:| – | — | - | (?:as|with|after|while|which|but|although|because|where|since|amid|ahead of) /;
const MAX = 90;
/** A finite verb, roughly: a clause without one is not a headline. */
const VERB_SHAPE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|says?|said|told|set|due|\w{3,}ed)\b/;
const hasVerb = (clause: string) =>
  VERB_SHAPE.test(clause) ||
  clause
    .toLowerCase()
    .split(/\W+/)
    .some((w) => isIrregularPast(w));
const MIN = 25;

/** Words a headline cannot end on: a clause cut there leaves the reader hanging. */
const DANGLING =
  /\b(?:a|an|the|to|of|in|on|at|for|with|by|from|and|or|but|that|which|who|will|would|can|could|is|are|was|were|be|been|has|have|had|meet|hold|make|take|set|said|says|told)$/i;

/** A headline from a plain sentence: its first clause, without dateline or time adverbials. */
function fromSentence(sentence: string): string | null {
  if (/["“”]/.test(sentence)) return null;
  let text = sentence.replace(DATELINE, '').replace(LEADING_ADVERBIAL, '').replace(TIME_PHRASE, '');
  const whole = text.replace(/[.\s]+$/, '');
  // A short sentence is a complete headline as it stands.
  if (whole.length >= MIN && whole.length <= MAX && hasVerb(whole)) return capitalise(whole);
  // Cut at the first clause break that leaves a clause with a verb ("The US representative, …" has none).
  for (let from = MIN; from < text.length; ) {
    const at = text.slice(from).search(CLAUSE_BREAK);
    if (at < 0) break;
    if (hasVerb(text.slice(0, from + at))) {
      text = text.slice(0, from + at);
      break;
    }
    from += at + 1;
  }
  text = text.replace(/[.\s]+$/, '');
  if (text.length < MIN || text.length > MAX || !hasVerb(text) || DANGLING.test(text)) return null;
  return capitalise(text);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The briefing headline names the story, not one voice in it: the first clause of a plain sentence (never a
 * quotation, preferably no reported speech) from the claims most central to the briefing, in the order given; the entities the briefing is
 * about as a last resort.
 */
export function headline(clusters: readonly Cluster[], entities: readonly string[]): string {
  const shortestFirst = (cluster: Cluster) => [...cluster.members].sort((a, b) => a.text.length - b.text.length);
  // A reporting clause ("Interfax quoted Ryabkov as saying …") names a voice; the story is in plain statements.
  for (const plain of [true, false]) {
    for (const cluster of clusters) {
      for (const unit of shortestFirst(cluster)) {
        if (plain && unit.attributed) continue;
        const title = fromSentence(unit.text);
        if (title) return title;
      }
    }
  }
  return entities.length > 0 ? `Briefing: ${entities.slice(0, 3).join(', ')}` : 'Briefing';
}
