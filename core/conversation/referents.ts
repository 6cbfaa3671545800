import type { EntityKind, Gender, Lexicon } from '../entities/lexicon.ts';
import { ROLE_NOUNS } from '../entities/vocabulary.ts';
import { type Word, words } from '../language/words.ts';
import type { ConversationTurn } from '../ports/conversation-store.ts';

/**
 * What a pronoun may stand for: a named entity of the corpus, or a description the user gave instead of a name
 * ("Chile's trade minister", "the Peruvian and Bolivian trade ministers"). A description is as good an antecedent as
 * a name in English, and the only one when the user never learnt the name.
 */
export interface Referent {
  name: string;
  kind: EntityKind;
  gender: Gender | null;
  /** A description of people in the plural ("the two envoys"): "they" and "them", never "he". */
  plural: boolean;
  /** The user's own description rather than a name (its gender is unknown but it is a person). */
  described: boolean;
  /** Where it was found: offsets in the text, and whether that text was a user's request (else a reply). */
  start: number;
  end: number;
  asked: boolean;
}

/** Words that may stand between a determiner and the role noun it introduces ("the WTO director-general"). */
const MODIFIER = /^[\p{L}\p{N}-]+$/u;
/** Words that end a description when walking back from its noun: they belong to the clause, not the phrase. */
const CLAUSE_WORD =
  /^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|what|who|whom|whose|which|when|where|why|how|to|of|in|on|at|for|from|with|about|by|after|before|say|said|tell|told)$/i;
const MAX_MODIFIERS = 4;
const isNameWord = (w: Word | undefined) => !!w && /^\p{Lu}/u.test(w.text) && !CLAUSE_WORD.test(w.lower);

/** The role noun a word is, and whether plural ("ministers", "secretary-general" → general). */
function roleOf(lower: string): { plural: boolean } | null {
  const last = lower.split('-').at(-1) ?? lower;
  if (ROLE_NOUNS.has(last) || ROLE_NOUNS.has(lower)) return { plural: false };
  if (last.endsWith('s') && ROLE_NOUNS.has(last.slice(0, -1))) return { plural: true };
  return null;
}

/**
 * People the text describes by their role: a role noun with what introduces it, a determiner ("the Chilean president",
 * "the two envoys") or a possessive ("Peru's chief negotiator"). A bare role noun ("officials") is not specific.
 */
export function roleDescriptions(text: string): Referent[] {
  const ws = words(text);
  const out: Referent[] = [];
  for (let i = 0; i < ws.length; i++) {
    const head = ws[i];
    const role = head && roleOf(head.lower);
    if (!head || !role) continue;
    // The noun heads its phrase: "the trade minister" ends at "minister", not at "trade".
    const next = ws[i + 1];
    if (next && text.slice(head.end, next.start).trim() === '' && roleOf(next.lower)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 1 - MAX_MODIFIERS); j--) {
      const w = ws[j];
      if (!w || CLAUSE_WORD.test(w.lower) || !MODIFIER.test(w.text.replace(/['’]s$/, ''))) break;
      const determiner = /^(?:the|these|those)$/.test(w.lower);
      if (determiner || /['’]s$/.test(w.text)) {
        // A possessive name is whole: "Ali Bagheri Kani's counterpart", not "Kani's counterpart".
        let from = j;
        while (!determiner && from > 0 && isNameWord(ws[from - 1])) from--;
        const start = (ws[from] as Word).start;
        out.push({
          name: text.slice(start, head.end),
          kind: 'person',
          gender: null,
          plural: role.plural,
          described: true,
          start,
          end: head.end,
          asked: true,
        });
        break;
      }
    }
  }
  return out;
}

/** A nationality or name followed by the noun of a party to talks ("the Chilean side", "the Norwegian delegation"). */
const PARTY = /\b(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:side|camp|delegation|government)\b/gu;

const ACRONYM = /^\p{Lu}{2,}$/u;

/** A name as names are written: the lexicon may hold a run that starts mid-phrase ("of Chile"). */
const looksLikeName = (name: string) => /^[\p{Lu}\p{N}]/u.test(name);

/** The names and descriptions of a request, in text order (a lower-case word is never read as a name there). */
export function requestReferents(text: string, lexicon: Lexicon): Referent[] {
  const ws = words(text);
  const named: Referent[] = lexicon
    .findWords(ws, true)
    .filter((m) => looksLikeName(m.entity.name))
    .map((m) => ({ ...m.entity, plural: false, described: false, start: m.start, end: m.end, asked: true }))
    // An acronym is a body ("UN", "ECOWAS") even where the corpus analysis could not tell what it names.
    .map((r) => (r.kind === 'other' && ACRONYM.test(r.name) ? { ...r, kind: 'org' as const } : r));
  // "The Chilean side", "the Norwegian delegation": a party named by its nationality, a side as a country or body is.
  for (const m of text.matchAll(PARTY)) {
    const start = m.index;
    const end = start + m[0].length;
    // The party is the referent, not the nationality inside it ("Turkish" alone may be a name the corpus knows).
    if (named.some((r) => r.start < start && start < r.end)) continue;
    for (let i = named.length - 1; i >= 0; i--) {
      const r = named[i] as Referent;
      if (start <= r.start && r.end <= end) named.splice(i, 1);
    }
    named.push({ name: m[0], kind: 'org', gender: null, plural: false, described: false, start, end, asked: true });
  }
  // A name the corpus analysis missed is still a name: an acronym is a body ("ECOWAS"), a capitalised word inside
  // the question something named. The first word is capitalised anyway and says nothing.
  for (const [i, w] of ws.entries()) {
    if (i === 0 || CLAUSE_WORD.test(w.lower) || !/^\p{Lu}/u.test(w.text)) continue;
    if (named.some((r) => r.start <= w.start && w.end <= r.end)) continue;
    const name = w.text.replace(/['’]s$/, '');
    const kind = ACRONYM.test(name) ? 'org' : 'other';
    named.push({ name, kind, gender: null, plural: false, described: false, start: w.start, end: w.end, asked: true });
  }
  return [...named, ...roleDescriptions(text)].sort((a, b) => a.start - b.start);
}

/**
 * Referents of earlier turns, most salient first: what the user asked about (newest request first, what they typed
 * before what resolution added; the subject of a dialogue persists across its questions), then who and what the
 * replies named (newest first).
 */
export function salientReferents(history: readonly ConversationTurn[], lexicon: Lexicon): Referent[] {
  const out: Referent[] = [];
  const add = (r: Referent) => {
    if (!out.some((o) => o.name === r.name)) out.push(r);
  };
  const newestFirst = [...history].reverse();
  // Within a turn, what the user typed comes first: "and the Chilean side?" makes the Chilean side the subject,
  // ahead of the names the resolved question kept from before.
  for (const turn of newestFirst)
    for (const text of [turn.request, turn.resolvedRequest]) for (const r of requestReferents(text, lexicon)) add(r);
  for (const turn of newestFirst) {
    for (const name of turn.entities) {
      const entity = lexicon.find(name)[0]?.entity;
      if (entity && looksLikeName(entity.name))
        add({ ...entity, plural: false, described: false, start: 0, end: 0, asked: false });
    }
  }
  return out;
}
