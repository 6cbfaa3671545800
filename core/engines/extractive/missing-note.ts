import { joinNames } from '../../language/list.ts';
import { FEATURES } from './answer-features.ts';
import type { ScoredCandidate } from './compose-answer.ts';
import type { Question } from './question.ts';
import type { Unit } from './units.ts';

const WHAT: Record<Question['type'], string> = {
  person: 'who',
  date: 'when',
  time: 'at what time',
  year: 'in which year',
  place: 'where',
  number: 'how many or how much',
  duration: 'how long',
  quote: 'what was said',
  role: 'what position they hold',
  org: 'which organisation',
  general: 'what was asked',
};

const TYPED = FEATURES.indexOf('typed');

/**
 * The note of a partial answer. It says what the sources do not say only when no retrieved sentence holds
 * that kind of thing at all (no person for "who", no date for "when"); otherwise it says the material is
 * related and leaves the judgement to the reader — a false "the sources do not say" is worse than none.
 * Built from corpus names and fixed words only, never from the user's text (which may hold markup).
 */
export function missingNote(q: Question, closest: Unit, candidates: readonly ScoredCandidate[]): string {
  const named = q.entities.filter((e) => closest.entities.has(e)).map((e) => e.name);
  const subject = named.length > 0 ? joinNames(named) : 'related events';
  const typedSomewhere = candidates.some((c) => c.x[TYPED] === 1);
  if (q.type === 'general' || typedSomewhere) {
    return `The closest material on ${subject} is shown; it may not answer exactly what was asked.`;
  }
  return `The sources mention ${subject} but do not say ${WHAT[q.type]}; this is the closest material.`;
}
