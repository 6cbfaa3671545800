import { readFileSync } from 'node:fs';
import type { Entity } from '../../entities/lexicon.ts';
import { foldCase } from '../../language/fold.ts';
import { isIrregularPast } from '../../language/lemma.ts';
import type { Cluster } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { sameEntity } from './term-match.ts';
import type { Unit } from './units.ts';

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

/** Nouns that name what a story is (core/engines/extractive/story-nouns.json), read once. */
let storyNouns: Set<string> | null = null;
function nouns(): Set<string> {
  if (!storyNouns) {
    const data = JSON.parse(readFileSync(new URL('./story-nouns.json', import.meta.url), 'utf8')) as {
      nouns: string[];
    };
    storyNouns = new Set(data.nouns.map((n) => n.toLowerCase()));
  }
  return storyNouns;
}

/** Documents that mention each entity, and those that name it after "in" (a venue: "in Geneva"). */
function entityDocuments(units: readonly Unit[]) {
  const docs = new Map<Entity, Set<string>>();
  const venue = new Map<Entity, Set<string>>();
  const mentions = new Map<Entity, number>();
  const asVenue = new Map<Entity, number>();
  for (const u of units) {
    for (const e of u.entities) {
      if (e.kind === 'person' || e.kind === 'other') continue;
      docs.set(e, (docs.get(e) ?? new Set()).add(u.passage.documentId));
      const at = [...e.forms].some((f) =>
        new RegExp(`\\bin ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(u.text),
      );
      mentions.set(e, (mentions.get(e) ?? 0) + 1);
      if (at) {
        venue.set(e, (venue.get(e) ?? new Set()).add(u.passage.documentId));
        asVenue.set(e, (asVenue.get(e) ?? 0) + 1);
      }
    }
  }
  return { docs, venue, mentions, asVenue };
}

/** The story noun most documents use ("talks", "summit"), or null. */
function storyNoun(units: readonly Unit[]): string | null {
  const docs = new Map<string, Set<string>>();
  for (const u of units) {
    for (const w of u.words) {
      const lower = w.lower;
      const noun = nouns().has(lower) ? lower : nouns().has(lower.replace(/s$/, '')) ? lower.replace(/s$/, '') : null;
      if (noun) docs.set(noun, (docs.get(noun) ?? new Set()).add(u.passage.documentId));
    }
  }
  const best = [...docs].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
  return best && best[1].size >= 2 ? best[0] : null;
}

/** One actor under two names: an alias or metonym (Russia / the Kremlin) or another form of the name (China / Chinese). */
function sameActor(a: Entity, b: Entity): boolean {
  if (sameEntity(a, b)) return true;
  const [x, y] = [foldCase(a.name), foldCase(b.name)].sort((p, q) => p.length - q.length) as [string, string];
  return x === y || (x.length >= 5 && y.startsWith(x.slice(0, -1)));
}

const mostDocuments = (m: Map<Entity, Set<string>>) =>
  [...m].sort((a, b) => b[1].size - a[1].size || a[0].name.localeCompare(b[0].name));

/**
 * The briefing title names the story, never quotes it: the actors most of its documents name, what
 * happens (the story noun they use most) and where ("Serbia–Kosovo talks in Ohrid"), built from
 * the sentences the briefing draws on. Without a story noun, the first clause of a plain central
 * sentence (`headline`).
 */
export function storyTitle(ctx: EngineContext, chosen: readonly Unit[], entities: readonly string[]): string {
  const docsInBriefing = new Set(chosen.map((u) => u.passage.documentId));
  const units = ctx.units.filter((u) => docsInBriefing.has(u.passage.documentId));
  const noun = storyNoun(units);
  const { docs, venue, mentions, asVenue } = entityDocuments(units);
  const place = mostDocuments(venue).find(([, d]) => d.size >= 2)?.[0] ?? null;
  // Actors are what the sentences talk about most, across documents; a name mostly written as a venue is a place.
  const actors: string[] = [];
  const chosenActors: Entity[] = [];
  for (const [e, n] of [...mentions].sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name))) {
    if (actors.length === 2) break;
    if (e === place || (docs.get(e)?.size ?? 0) < 2 || (asVenue.get(e) ?? 0) * 2 > n) continue;
    if (e.name.toLowerCase().includes(noun ?? '\u0000')) continue;
    // "Israel" and "Israeli", "China" and "Chinese", "Russia" and "the Kremlin" are one actor.
    if (chosenActors.some((a) => sameActor(a, e))) continue;
    chosenActors.push(e);
    actors.push(e.name);
  }
  if (!noun || actors.length === 0)
    return headline(
      chosen.map((rep) => ({ rep, members: [rep] })),
      entities,
    );
  return capitalise(`${actors.join('–')} ${noun}${place ? ` in ${place.name}` : ''}`);
}
