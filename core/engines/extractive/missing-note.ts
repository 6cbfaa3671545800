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

/**
 * The note of a partial answer: what the closest material mentions and what it does not say.
 * Built from corpus names and fixed words only, never from the user's text (which may hold markup).
 */
export function missingNote(_question: string, q: Question, closest: Unit): string {
  const named = q.entities.filter((e) => closest.entities.has(e)).map((e) => e.name);
  const subject = named.length > 0 ? named.join(' and ') : 'related events';
  return `The sources mention ${subject} but do not say ${WHAT[q.type]}; this is the closest material.`;
}
