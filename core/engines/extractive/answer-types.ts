import type { Entity } from '../../entities/lexicon.ts';
import { resolveDates } from '../../language/dates.ts';
import { foldCase } from '../../language/fold.ts';
import type { Question } from './question.ts';
import { sameEntity, unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

const DATE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|1[89]\d\d|20\d\d|yesterday|today|tomorrow|tonight|(?:last|next|this) (?:week|month|year))\b/gi;
const TIME = /\b(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|noon|midnight|morning|afternoon|evening|night)\b/gi;
const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/g;
const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|tens|several|few';
const NUMBER = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORD})$`, 'i');
const DURATION = new RegExp(
  `\\b(?:\\d[\\d,.]*|${NUMBER_WORD})\\s+(?:more\\s+)?(?:hours?|days?|weeks?|months?|years?|minutes?|decades?)\\b|\\b\\w+long\\b`,
  'i',
);
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

/** A number within four words before what is counted ("100,000 troops", "tens of thousands of troops"). */
function countsWhatIsAsked(unit: Unit, q: Question): boolean {
  const ws = unit.words;
  const counted = q.counted ? { stem: q.counted, weight: 1 } : null;
  const isCounted = (i: number) =>
    counted !== null &&
    ws[i] !== undefined &&
    unitHasTerm({ ...unit, stems: new Set([ws[i].stem]), text: ws[i].lower }, counted);
  for (let i = 0; i < ws.length; i++) {
    if (!NUMBER.test(ws[i]?.text ?? '') || q.words.has(ws[i]?.lower ?? '')) continue;
    if (!counted) return true;
    for (let j = i + 1; j <= i + 4 && j < ws.length; j++) if (isCounted(j)) return true;
  }
  return false;
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

/** Whether a unit holds the kind of thing the question asks for (a person for "who", a day for "when"…). */
export function satisfiesType(unit: Unit, q: Question): boolean {
  const text = unit.text;
  switch (q.type) {
    case 'person':
      return hasPerson(unit, q);
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
      return DURATION.test(text);
    case 'org':
      return newEntities(unit, q, ['org', 'other']).length > 0;
    case 'role':
      return q.subject !== null && hasRole(unit, q.subject);
    case 'quote': {
      if (!q.subject) return unit.attributed;
      const subject = q.subject;
      if ([...unit.speakers].some((s) => sameEntity(s, subject))) return true;
      return unitHasEntity(unit, subject) && q.verb !== null && unitHasTerm(unit, q.verb);
    }
    default:
      return true;
  }
}
