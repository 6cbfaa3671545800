import type { Entity } from '../../entities/lexicon.ts';
import { resolveDates } from '../../language/dates.ts';
import { foldCase } from '../../language/fold.ts';
import { lemma } from '../../language/lemma.ts';
import type { Question } from './question.ts';
import { sameEntity, sameSpeaker, unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

const DATE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|1[89]\d\d|20\d\d|yesterday|today|tomorrow|tonight|(?:last|next|this) (?:week|month|year))\b/gi;
const TIME = /\b(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|noon|midnight|morning|afternoon|evening|night)\b/gi;
const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/g;
/** Number words of English (a compound such as "thirty-nine" is two of them joined by a hyphen). */
const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|tens|scores|several|few';
const NUMBER_PART = new RegExp(`^(?:\\d[\\d,.]*%?|${NUMBER_WORD})$`, 'i');
const TIME_UNIT = 'seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?';
/** A length of time: "24 hours", "a few minutes", "two more days", "a six-hour meeting", "a week-long visit". */
const DURATION = new RegExp(
  `\\b(?:\\d[\\d,.]*|${NUMBER_WORD}|a|an)(?:[\\s-]+(?:more|and a half|full))?[\\s-]+(?:${TIME_UNIT})\\b|\\b\\w+-long\\b|\\bovernight\\b`,
  'i',
);

/** Whether a text states a length of time. */
export function statesDuration(text: string): boolean {
  return DURATION.test(text);
}

/**
 * How a word written as a number splits: "39", "thirty-nine", "100,000" are numbers; "11-point" and "seven-day" are
 * a number with what it counts fused on. Null when the word is not a number at all.
 */
export function numeral(word: string): { counted: string | null } | null {
  const parts = word.split('-');
  if (!NUMBER_PART.test(parts[0] ?? '')) return null;
  const rest = parts.slice(1).filter((p) => !NUMBER_PART.test(p));
  return { counted: rest.at(-1) ?? null };
}
const VENUE =
  /\b(?:at|in|inside) the (?:[\w.-]+ ){0,3}(mission|residence|embassy|headquarters|hotel|villa|palace|building|ministry|chateau|centre|center)\b/i;
const PLACE_PREPOSITION = /\b(?:in|at|near|overlooks|overlooking|outside|inside|to|from)\s+(?:the\s+)?$/i;
const ROLE_WORDS =
  'director|head|chief|spokesman|spokeswoman|spokesperson|minister|secretary|ambassador|adviser|advisor|president|envoy|official|representative|leader|diplomat|chairman|commander|counterpart';
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLE_WORDS})(?: of [a-z ]+)? $`);
const ROLE_AFTER = new RegExp(`^(?:'s)?,\\s+(?:who is (?:also )?|the |a |an )?(?:[a-z-]+ ){0,3}(?:${ROLE_WORDS})\\b`);

/** Where an entity's forms occur in the unit's text (lower case). */
function* occurrences(unit: Unit, entity: Entity): Generator<{ at: number; form: string }> {
  const lower = unit.folded;
  for (const form of entity.forms) {
    for (let at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + 1)) yield { at, form };
  }
}

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

/**
 * A number the question does not contain, within four words before what is counted ("100,000 troops", "tens of
 * thousands of troops", "an 11-point plan"): 1. A number that counts something else ("24 hostages" for "how many
 * captives") is half an answer: the counted noun may be the writer's word for the same thing.
 */
function countsWhatIsAsked(unit: Unit, q: Question): number {
  const ws = unit.words;
  const counted = q.counted ? { stem: q.counted, weight: 1 } : null;
  const isCounted = (word: string, stem: string) =>
    counted !== null && unitHasTerm({ ...unit, stems: new Set([stem]), text: word, folded: word }, counted);
  let some = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w || q.words.has(w.lower) || /^(?:1[89]|20)\d\d$/.test(w.lower)) continue;
    const n = numeral(w.lower);
    if (!n) continue;
    if (!counted) return 1;
    if (n.counted && isCounted(n.counted, lemma(n.counted))) return 1;
    for (let j = i + 1; j <= i + 4 && j < ws.length; j++) {
      const next = ws[j];
      if (next && isCounted(next.lower, next.stem)) return 1;
    }
    some = 0.5;
  }
  return some;
}

/** Entities of the wanted kinds that the question does not itself name. */
function newEntities(unit: Unit, q: Question, kinds: readonly string[]): Entity[] {
  return [...unit.entities].filter(
    (e) =>
      kinds.includes(e.kind) &&
      !q.entities.some((asked) => sameEntity(asked, e)) &&
      !(q.subject && sameEntity(q.subject, e)) &&
      [...e.forms].every((f) => !q.words.has(f)),
  );
}

/** A person near the asked role ("Kremlin spokesman Dmitry Peskov"), or any new person when no role is asked. */
function hasPerson(unit: Unit, q: Question): boolean {
  const people = newEntities(unit, q, ['person']);
  if (!q.role) return people.length > 0;
  const lower = unit.folded;
  const roles = [...lower.matchAll(new RegExp(`\\b${q.role}\\b`, 'g'))].map((m) => m.index);
  // "President of Ukraine": a president of somewhere else does not answer.
  const owners = [...unit.entities].filter((e) => q.roleOf.some((o) => sameEntity(o, e)));
  const owned = (r: number) =>
    q.roleOf.length === 0 || owners.some((o) => [...occurrences(unit, o)].some(({ at }) => Math.abs(r - at) <= 40));
  return people.some((p) =>
    [...occurrences(unit, p)].some(({ at }) => roles.some((r) => Math.abs(r - at) <= 30 && owned(r))),
  );
}

/** A place the question does not name, written as a place ("in Geneva"), or a venue ("at the U.S. mission"). */
function hasPlace(unit: Unit, q: Question): boolean {
  const lower = unit.folded;
  const places = q.venue ? [] : newEntities(unit, q, ['place']);
  if (places.some((p) => [...occurrences(unit, p)].some(({ at }) => PLACE_PREPOSITION.test(lower.slice(0, at)))))
    return true;
  const venue = VENUE.exec(unit.text);
  return venue !== null && !q.words.has((venue[1] ?? '').toLowerCase());
}

/**
 * Whether the unit gives the subject's position: a title written before one of its names
 * ("Deputy Foreign Minister Sergei Ryabkov") or an apposition after it ("Greminger, director of …").
 */
function hasRole(unit: Unit, subject: Entity): boolean {
  const lower = unit.folded;
  for (const { at, form } of occurrences(unit, subject)) {
    const before = lower.slice(Math.max(0, at - 60), at);
    const after = lower.slice(at + form.length, at + form.length + 60);
    if (subject.roles.some((r) => before.endsWith(`${r.toLowerCase()} `))) return true;
    if (ROLE_BEFORE.test(before) || ROLE_AFTER.test(after)) return true;
  }
  return false;
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
      // In news English a country or a body acts as a person does ("who brokered the truce?" — "Qatar and Egypt"):
      // a near miss when no post is asked, since a sentence naming a new country is common.
      return hasPerson(unit, q) || (!q.role && newEntities(unit, q, ['org', 'place']).length > 0 ? 0.5 : false);
    case 'date':
      return newMatch(text, DATE, q.words) || newDate(unit, q);
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
      if (!q.subject) return unit.attributed;
      const subject = q.subject;
      if ([...unit.speakers].some((s) => sameSpeaker(s, subject, q.role))) return true;
      return unitHasEntity(unit, subject) && q.verb !== null && unitHasTerm(unit, q.verb);
    }
    default:
      return true;
  }
}
