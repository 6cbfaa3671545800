import type { Entity } from '../../entities/lexicon.ts';
import { foldCase, surnameKey } from '../../language/fold.ts';
import { formsMatch } from '../../language/lemma.ts';
import { synonymGroups } from '../../language/synonyms.ts';
import { relatedWords } from '../../language/wordnet.ts';
import type { Unit } from './units.ts';

/** A content word of a question. */
export interface Term {
  stem: string;
  /** Relative importance (light verbs and vague nouns weigh less). */
  weight: number;
}

/** How much a synonym or a metonym counts against the word itself ("spokesman" for "speaks"). */
export const RELATED_CREDIT = 0.85;
/** How much a word WordNet relates (a synonym of a common sense, a derived word) counts: looser than a curated group. */
export const WORDNET_CREDIT = 0.6;

function hasStem(unit: Unit, stem: string): boolean {
  if (unit.stems.has(stem)) return true;
  for (const s of unit.stems) if (formsMatch(s, stem)) return true;
  return false;
}

/** How well a unit contains the term: 1 for the word or another form of it, less for a synonym, 0 for none. */
export function termCredit(unit: Unit, term: Term): number {
  if (hasStem(unit, term.stem)) return 1;
  const lower = unit.folded;
  for (const group of synonymGroups(term.stem)) {
    for (const s of group.stems) if (unit.stems.has(s)) return RELATED_CREDIT;
    if (group.phrases.some((phrase) => lower.includes(phrase))) return RELATED_CREDIT;
  }
  if (WORDNET_CREDIT > 0) {
    for (const word of relatedWords(term.stem)) {
      if (word.includes(' ') ? lower.includes(word) : unit.stems.has(word)) return WORDNET_CREDIT;
    }
  }
  return 0;
}

/** Whether a unit contains the term: the same word, another form of it, or a synonym. */
export function unitHasTerm(unit: Unit, term: Term): boolean {
  return termCredit(unit, term) > 0;
}

/** Whether any of the units contains the term. */
export function anyUnitHasTerm(units: readonly Unit[], term: Term): boolean {
  return units.some((u) => unitHasTerm(u, term));
}

const sameGroup = (a: string, b: string) => synonymGroups(a.toLowerCase()).some((g) => g.stems.has(b.toLowerCase()));

/**
 * Whether two entities are the same, metonyms of one another (Moscow / Russia / the Kremlin), or one person whose
 * surname outlets spell differently (Zelenskiy / Zelensky, Amir-Abdollahian / Abdollahian).
 */
export function sameEntity(a: Entity, b: Entity): boolean {
  if (a === b || a.id === b.id) return true;
  return samePerson(a, b) || sameGroup(a.id, b.id);
}

const samePerson = (a: Entity, b: Entity): boolean =>
  a.kind === 'person' && b.kind === 'person' && surnameKey(a.id) === surnameKey(b.id);

/** Whether a name contains another as whole words ("Lake Geneva" names Geneva too). */
function contains(outer: Entity, inner: Entity): boolean {
  const name = ` ${foldCase(outer.name)} `;
  return [...inner.forms].some((f) => f.length > 2 && name.includes(` ${f} `));
}

/** How well the unit names the entity: 1 itself, less through a metonym or a longer name, 0 not at all. */
export function entityCredit(unit: Unit, entity: Entity): number {
  let best = 0;
  for (const e of unit.entities) {
    if (e === entity || e.id === entity.id || samePerson(e, entity)) return 1;
    if (sameEntity(e, entity) || (e.kind !== 'person' && contains(e, entity))) best = RELATED_CREDIT;
  }
  return best;
}

/** Whether the unit names (or refers to) the entity, also through a metonym or inside a longer name. */
export function unitHasEntity(unit: Unit, entity: Entity): boolean {
  return entityCredit(unit, entity) > 0;
}

/**
 * Whether a speaker is the asked one: the same entity, a longer name holding it ("NATO Secretary-General Jens
 * Stoltenberg" for Stoltenberg), or a spokesperson filed under the asked body (speakers.ts adds the body itself).
 */
export function sameSpeaker(speaker: Entity, asked: Entity, role: string | null = null): boolean {
  if (sameEntity(speaker, asked)) return true;
  if (asked.kind === 'person') return contains(speaker, asked);
  return speaker.kind === 'person' && speaker.roles.some((r) => roleOf(r, asked, role));
}

/** Posts whose holder speaks for a body: one asked for may be written as another ("envoy", "chief representative"). */
const SPEAKS_FOR = new Set(
  'envoy representative negotiator ambassador spokesman spokeswoman spokesperson delegate'.split(' '),
);

/**
 * Whether a title written before a name ("Élysée spokesman", "Chilean Trade Ministry Official") is a post of the
 * body (its name, or the adjective made from it: Chilean, Kosovar, Peruvian) and, when a role is asked ("Chile's trade
 * minister"), that role.
 */
function roleOf(title: string, body: Entity, role: string | null): boolean {
  const words = foldCase(title).split(/[\s-]+/);
  // Without a role asked, only a spokesperson's title speaks for a body (a "Russian" minister is not Russia's voice).
  const roles = !role || SPEAKS_FOR.has(role) ? SPEAKS_FOR : new Set([role]);
  if (!words.some((w) => roles.has(w))) return false;
  const text = ` ${words.join(' ')} `;
  return [...body.forms].some((f) => {
    if (text.includes(` ${f} `)) return true;
    // The adjective of a one-word place shares all but its last letter or two ("Kosovo" → "Kosovar").
    const stem = f.length >= 4 && !f.includes(' ') ? f.slice(0, Math.max(4, f.length - 1)) : null;
    return stem !== null && words.some((w) => w.startsWith(stem));
  });
}
