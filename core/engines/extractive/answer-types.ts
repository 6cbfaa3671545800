import { resolveDates } from '../../language/dates.ts';
import { foldCase } from '../../language/fold.ts';
import { actsIn, doerOfFocus, hasPerson, hasRole, holdsPost, newEntities, occurrences } from './answer-agents.ts';
import { countsWhatIsAsked, NUMBER_WORD } from './answer-counts.ts';
import type { Question } from './question.ts';
import { sameSpeaker, unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

export { numeral } from './answer-counts.ts';

const DATE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|1[89]\d\d|20\d\d|yesterday|today|tomorrow|tonight|weekend|(?:last|next|this) (?:week|month|year))\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.(?= \d)/gi;
const TIME = /\b(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|noon|midnight|morning|afternoon|evening|night)\b/gi;
const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/g;
/** A day counted from the article's own: "in two weeks", "within the next few days", "a week ago". */
const RELATIVE_DAY = new RegExp(
  `\\b(?:in|within) (?:the (?:next|coming) )?(?:\\d+|${NUMBER_WORD}|a|an)(?: few| couple of)? (?:days?|weeks?|months?|years?)\\b|\\b(?:\\d+|${NUMBER_WORD}|a|an) (?:days?|weeks?|months?|years?) (?:ago|earlier|before)\\b`,
  'gi',
);
const TIME_UNIT = 'seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?';
/** A length of time: "24 hours", "a few minutes", "two more days", "a six-hour meeting", "a week-long visit". */
const DURATION = new RegExp(
  `\\b(?:\\d[\\d,.]*|${NUMBER_WORD}|a|an)(?:[\\s-]+(?:more|and a half|full))?[\\s-]+(?:${TIME_UNIT})\\b|\\b\\w+-long\\b|\\bovernight\\b`,
  'i',
);

/** "Since April", "since 2021", "since the invasion": how long something has gone on, as its starting point. */
const SINCE =
  /\bsince\s+(?:(?:early|late|mid|the (?:start|end|beginning) of)[\s-]+)?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|last|the)\b/i;

/** Whether a text states a length of time, or the point it runs from ("since April 2021" answers "how long"). */
export function statesDuration(text: string): boolean {
  return DURATION.test(text) || SINCE.test(text);
}

const VENUE =
  /\b(?:at|in|inside) the (?:[\w.-]+ ){0,3}(mission|residence|embassy|headquarters|hotel|villa|palace|building|ministry|chateau|centre|center)\b/i;
/** Nouns that ask for a country or a city as such, not for a location ("which nation", "what capital"). */
const COUNTRY_NOUN = /^(?:country|countries|nation|nations|state|states|city|cities|capital|capitals)$/;
const PLACE_PREPOSITION = /\b(?:in|at|near|overlooks|overlooking|outside|inside|to|from)\s+(?:the\s+)?$/i;
/** Whether any match of the pattern is a word the question does not already contain. */
function newMatch(text: string, pattern: RegExp, asked: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(pattern))
    if (
      m[0]
        .toLowerCase()
        .split(/\s+/)
        .some((w) => !asked.has(w))
    )
      return true;
  return false;
}

/** A date expression chrono-node reads in the unit ("November 14", "on 22 July") with a word the question lacks. */
function newDate(unit: Unit, q: Question): boolean {
  return resolveDates(unit.text, unit.passage.document.publishedAt).some((m) =>
    m.text
      .split(/\s+/)
      .map((w) => foldCase(w).replace(/[^\p{L}\p{N}]/gu, ''))
      .some((w) => w !== '' && !q.words.has(w)),
  );
}

/** A place the question does not name, written as a place ("in Geneva"), or a venue ("at the U.S. mission"). */
function hasPlace(unit: Unit, q: Question): boolean {
  const lower = unit.folded;
  const places = q.venue ? [] : newEntities(unit, q, ['place']);
  // "Which country hosted …": the country is the answer wherever the sentence names it ("held in Norway's capital").
  if (places.length > 0 && [...q.words].some((w) => COUNTRY_NOUN.test(w))) return true;
  if (places.some((p) => [...occurrences(unit, p)].some(({ at }) => PLACE_PREPOSITION.test(lower.slice(0, at)))))
    return true;
  const venue = VENUE.exec(unit.text);
  return venue !== null && !q.words.has((venue[1] ?? '').toLowerCase());
}

/**
 * How well a unit holds the kind of thing the question asks for (a person for "who", a day for "when"…): 1 when it
 * does, 0 when it does not, in between for a near miss (a count of something other than what is asked).
 */
export function satisfiesType(unit: Unit, q: Question): number {
  return Number(typeMatch(unit, q));
}

function typeMatch(unit: Unit, q: Question): boolean | number {
  const text = unit.text;
  switch (q.type) {
    case 'person':
      if (!q.role && doerOfFocus(unit, q)) return true;
      // In news English a country or a body acts as a person does ("who brokered the truce?" — "Qatar and Egypt"):
      // a near miss when no post is asked, since a sentence naming a new country is common.
      return hasPerson(unit, q) || (!q.role && newEntities(unit, q, ['org', 'place']).length > 0 ? 0.5 : false);
    case 'date':
      return newMatch(text, DATE, q.words) || newMatch(text, RELATIVE_DAY, q.words) || newDate(unit, q);
    case 'time':
      return newMatch(text, TIME, q.words);
    case 'year':
      return newMatch(text, YEAR, q.words);
    case 'place':
      return hasPlace(unit, q);
    case 'number':
      return countsWhatIsAsked(unit, q);
    case 'duration':
      return statesDuration(text);
    case 'org':
      return newEntities(unit, q, ['org', 'other']).length > 0;
    case 'role':
      return q.subject !== null && hasRole(unit, q.subject);
    case 'quote': {
      // No speaker the lexicon knows: someone speaks, and holds the post asked for when there is one.
      if (!q.subject) return unit.attributed && (!q.role || holdsPost(unit, q.role) ? true : 0.5);
      const subject = q.subject;
      if ([...unit.speakers].some((s) => sameSpeaker(s, subject, q.role))) return true;
      if (unitHasEntity(unit, subject) && q.verb !== null && unitHasTerm(unit, q.verb)) return true;
      // A speaker asked by post and reported by post ("the ministry's spokesman" — "a spokesperson for the ministry
      // said"): the words are theirs when the body is named too, perhaps theirs when only the post is.
      if (q.role && unit.attributed && holdsPost(unit, q.role)) return unitHasEntity(unit, subject) ? true : 0.5;
      // "The envoy has agreed to …", "Brussels quickly reiterated …": what the subject did, reported (1) or told (½).
      const acts = actsIn(unit, subject);
      return acts === 'speaks' || (acts === 'acts' && unit.attributed) ? true : acts === 'acts' ? 0.5 : false;
    }
    default:
      return true;
  }
}
