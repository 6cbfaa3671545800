import type { Entity } from '../../entities/lexicon.ts';
import { isCalendarWord } from '../../language/calendar.ts';
import { foldCase } from '../../language/fold.ts';
import { formsMatch, isIrregularPast, lemma } from '../../language/lemma.ts';
import { isStopword } from '../../language/words.ts';
import type { Question } from './question.ts';
import { SPEECH } from './speakers.ts';
import { sameEntity } from './term-match.ts';
import type { Unit } from './units.ts';

/**
 * Who a sentence says did or said something: a person in the post asked about, the doer of the question's verb, the
 * asked subject acting or speaking, or the subject's post. Facts of English: titles before names, gendered forms of
 * a post, passive agents, a name right before its verb.
 */

const ROLE_WORDS =
  'director|head|chief|spokesman|spokeswoman|spokesperson|minister|secretary|ambassador|adviser|advisor|president|envoy|official|representative|leader|diplomat|chairman|commander|counterpart';
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLE_WORDS})(?: of [a-z ]+)? $`);
const ROLE_AFTER = new RegExp(`^(?:'s)?,\\s+(?:who is (?:also )?|the |a |an )?(?:[a-z-]+ ){0,3}(?:${ROLE_WORDS})\\b`);

/** A post in each of its gendered forms ("spokesman" also matches "spokesperson", "chairwoman" "chairman"). */
export function roleForms(role: string): string {
  return role.replace(/(?:man|woman|person)$/, '(?:man|woman|person)');
}

/** Whether the unit names the post, in any of its forms ("a spokesperson for the ministry said"). */
export const holdsPost = (unit: Unit, role: string) => new RegExp(`\\b${roleForms(role)}\\b`).test(unit.folded);

/** Where an entity's forms occur in the unit's text (lower case). */
export function* occurrences(unit: Unit, entity: Entity): Generator<{ at: number; form: string }> {
  const lower = unit.folded;
  for (const form of entity.forms) {
    for (let at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + 1)) yield { at, form };
  }
}

/** Entities of the wanted kinds that the question does not itself name. */
export function newEntities(unit: Unit, q: Question, kinds: readonly string[]): Entity[] {
  return [...unit.entities].filter(
    (e) =>
      kinds.includes(e.kind) &&
      !q.entities.some((asked) => sameEntity(asked, e)) &&
      !(q.subject && sameEntity(q.subject, e)) &&
      [...e.forms].every((f) => !q.words.has(f)),
  );
}

/** A person near the asked role ("Kremlin spokesman Dmitry Peskov"), or any new person when no role is asked. */
export function hasPerson(unit: Unit, q: Question): boolean {
  const people = newEntities(unit, q, ['person']);
  if (!q.role) return people.length > 0;
  const lower = unit.folded;
  const roles = [...lower.matchAll(new RegExp(`\\b${roleForms(q.role)}\\b`, 'g'))].map((m) => m.index);
  // "President of Ukraine": a president of somewhere else does not answer.
  const owners = [...unit.entities].filter((e) => q.roleOf.some((o) => sameEntity(o, e)));
  const owned = (r: number) =>
    q.roleOf.length === 0 || owners.some((o) => [...occurrences(unit, o)].some(({ at }) => Math.abs(r - at) <= 40));
  return people.some((p) =>
    [...occurrences(unit, p)].some(({ at }) => roles.some((r) => Math.abs(r - at) <= 30 && owned(r))),
  );
}

/**
 * Who did what the question asks, written around the verb rather than as a name: a passive agent ("was brokered by
 * the peacekeeping contingent") or a name fused to the participle ("a Qatar-mediated truce").
 */
export function doerOfFocus(unit: Unit, q: Question): boolean {
  const focus = q.focus;
  if (!focus) return false;
  const ws = unit.words;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w) continue;
    const parts = w.text.split('-');
    const head = parts[0] ?? '';
    if (parts.length === 2 && CAPITAL.test(head) && formsMatch(lemma(foldCase(parts[1] ?? '')), focus.stem))
      if (!q.words.has(foldCase(head))) return true;
    if (!formsMatch(w.stem, focus.stem) || ws[i + 1]?.lower !== 'by') continue;
    const after = ws.slice(i + 2, i + 5).filter((x) => !/^(?:the|a|an)$/.test(x.lower));
    const next = after[0];
    if (next && !isStopword(next.lower) && !q.words.has(next.lower) && !isCalendarWord(next.lower)) return true;
  }
  return false;
}
const CAPITAL = /^\p{Lu}/u;

const SPEECH_VERB = new RegExp(`^(?:${SPEECH.source})$`, 'i');
/** Between a name and its verb: auxiliaries and adverbs ("has", "has been", "quickly", "also"). */
const AGENT_VERB =
  /^\s+((?:(?:has|have|had|was|were|is|are|been|also|then|later|again|already|\w+ly)\s+){0,3})([a-z]+)\b/;

/**
 * Whether the subject is the one acting in the unit: one of its names right before a finite verb ("has agreed to",
 * "reiterated that", "has been pushing for"); 'speaks' when that verb reports speech.
 */
export function actsIn(unit: Unit, subject: Entity): 'speaks' | 'acts' | null {
  let found: 'acts' | null = null;
  // Under any of its names here ("Brussels" for the EU, "Moscow" for Russia).
  const named = [...unit.entities].filter((e) => sameEntity(e, subject));
  for (const { at, form } of named.flatMap((e) => [...occurrences(unit, e)])) {
    const m = AGENT_VERB.exec(unit.folded.slice(at + form.length, at + form.length + 60));
    const verb = m?.[2];
    if (!verb || isStopword(verb)) continue;
    if (SPEECH_VERB.test(verb)) return 'speaks';
    const progressive = /\b(?:been|is|are|was|were)\s+$/.test(m[1] ?? '') && verb.endsWith('ing');
    if (verb.endsWith('ed') || isIrregularPast(verb) || progressive) found = 'acts';
  }
  return found;
}

/**
 * Whether the unit gives the subject's position: a title written before one of its names
 * ("Deputy Trade Minister Ana Ruiz") or an apposition after it ("Greminger, director of …").
 */
export function hasRole(unit: Unit, subject: Entity): boolean {
  const lower = unit.folded;
  for (const { at, form } of occurrences(unit, subject)) {
    const before = lower.slice(Math.max(0, at - 60), at);
    const after = lower.slice(at + form.length, at + form.length + 60);
    if (subject.roles.some((r) => before.endsWith(`${r.toLowerCase()} `))) return true;
    if (ROLE_BEFORE.test(before) || ROLE_AFTER.test(after)) return true;
  }
  return false;
}
