import type { Gender, Lexicon } from '../entities/lexicon.ts';
import { ROLE_NOUNS } from '../entities/vocabulary.ts';
import type { ConversationTurn } from '../ports/conversation-store.ts';
import { type Referent, requestReferents, salientReferents } from './referents.ts';

const WH_START =
  /^(?:(?:on|in|at|to|for|from|with) )?(?:who|whom|whose|what|which|when|where|why|how(?: many| much| long)?)\b/i;
const BARE_WH =
  /^(?:and\s+)?(who|whom|when|where|why|how many|how much|how long|how)(?:\s+(?:was|is|did)\s+(?:that|it|this)(?:\s+happen)?|\s+exactly)?\s*\??$/i;
const ELLIPSIS = /^(?:and|but|also|what about|how about|and what about|and how about)\s+(.+?)\s*\??$/i;
/** A question that opens with its verb: yes/no. */
const YES_NO = /^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/i;
const PRONOUN = /\b(he|him|his|she|her|hers|they|them|their)\b/gi;
const MALE = new Set(['he', 'him', 'his']);
const FEMALE = new Set(['she', 'her', 'hers']);
/** A role noun after the pronoun ("their president", "their trade minister"): someone's office. */
const ROLE_NEXT = new RegExp(`^\\s+(?:[\\w-]+\\s+)?(?:${[...ROLE_NOUNS].join('|')})\\b`, 'i');
const FOLLOWER = /^\s*(?:[,.?!;:]|$|(?:to|with|about|for|at|in|on|from|by|and|or|that|if|when|after|before)\b)/i;

/** The person "he"/"she" most likely means: the most salient one of that gender or described by role, else one of unknown gender. */
function personOf(candidates: readonly Referent[], gender: Gender): Referent | undefined {
  const person = (r: Referent) => r.kind === 'person' && !r.plural;
  return (
    candidates.find((r) => person(r) && (r.gender === gender || r.described)) ??
    candidates.find((r) => person(r) && r.gender === null)
  );
}

/**
 * What "they"/"their" most likely means: people the last question described in the plural ("the two envoys"),
 * else the two people of the conversation ("they met"), else the country or body the last question was about
 * ("what reason did they give?" after a question about Russia): in news English a government, an alliance or a group
 * is "they". "Their president" is a country's or a body's: a person has no president.
 */
function groupOf(candidates: readonly Referent[], previous: readonly Referent[], ofBody: boolean): string | undefined {
  const described = previous.find((r) => r.plural);
  if (described && !ofBody) return described.name;
  // "They" pairs the person asked about with the one the answer named, not two people of an answer alone.
  const people = candidates.filter((r) => r.kind === 'person' && !r.plural && !r.described).slice(0, 2);
  if (people.length === 2 && people.some((p) => p.asked) && !ofBody) return people.map((r) => r.name).join(' and ');
  const body = (r: Referent) => r.asked && !r.described && r.kind !== 'person';
  // The most salient body is the subject of the newest question, first in it ("what does Peru ask of the WTO?" →
  // "they" is Peru), whether or not the passages at hand showed what kind of name it is.
  return candidates.find(body)?.name;
}

/** Replaces he/she/they… with the people they most likely mean; keeps pronouns the question itself explains. */
function replacePronouns(
  question: string,
  candidates: readonly Referent[],
  own: readonly Referent[],
  previous: readonly Referent[],
): string {
  return question.replace(PRONOUN, (word: string, _p: string, offset: number) => {
    const lower = word.toLowerCase();
    const gender: Gender | null = MALE.has(lower) ? 'male' : FEMALE.has(lower) ? 'female' : null;
    const before = own.filter((r) => r.start < offset);
    if (gender && before.some((r) => r.kind === 'person' && !r.plural && (r.gender === gender || r.described)))
      return word;
    const rest = question.slice(offset + word.length);
    let name: string | undefined;
    if (gender) name = personOf(candidates, gender)?.name;
    else if (lower === 'them') name = previous.find((r) => r.plural)?.name;
    else if (before.length === 0) name = groupOf(candidates, previous, lower === 'their' && ROLE_NEXT.test(rest));
    if (!name) return word;
    const possessive =
      lower === 'his' || lower === 'their' || lower === 'hers' || (lower === 'her' && !FOLLOWER.test(rest));
    return possessive ? `${name}'s` : name;
  });
}

/** Referents of a text that fill a slot of a question, the longer one where two overlap ("Lima's envoy", not "Lima"). */
function slots(text: string, lexicon: Lexicon): Referent[] {
  const out: Referent[] = [];
  const found = requestReferents(text, lexicon);
  for (const r of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!out.some((o) => r.start < o.end && o.start < r.end)) out.push(r);
  }
  return out;
}

/** Countries and bodies are the same kind of slot: either is a side ("on behalf of the WTO" + "and the Chilean side?"). */
const side = (r: Referent) => (r.kind === 'place' || r.kind === 'org' ? 'side' : r.kind);

/**
 * "and the WTO?", "and Lima's envoy?": the previous question with the new name or description in place of one of
 * the same kind (or of any), as the listener re-reads the last question with the new term.
 */
function fillFrame(previous: string, phrase: string, lexicon: Lexicon): string {
  const cleaned = phrase
    .replace(/\b(?:one|ones)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const added = slots(cleaned, lexicon);
  const old = slots(previous, lexicon);
  const base = previous.replace(/\s*\?\s*$/, '');
  if (old.length === 0) return `${base}, regarding ${cleaned}?`;
  const kind = added[0] && side(added[0]);
  const sameKind = old.filter((r) => side(r) === kind);
  const targets = sameKind.length > 0 ? sameKind : old;
  const first = targets[0] as Referent;
  const last = targets.at(-1) as Referent;
  // "Sherman and Ryabkov" is one slot; separate mentions far apart are not.
  const joined = /^\s*(?:,|and|&)\s*$/.test(base.slice(first.end, last.start)) || first === last;
  let from = joined ? first.start : last.start;
  const to = last.end;
  // The asker's article wins: "meet the OSCE" + "and NATO?" → "meet NATO".
  const article = /\b(?:the|a|an)\s+$/i.exec(base.slice(0, from));
  if (article) from -= article[0].length;
  // A possessive slot stays possessive: "Santiago's response" + "and Lima's envoy?" → "Lima's envoy's response".
  const possessive = /['’]s$/.test(base.slice(from, to)) && !/['’]s$/.test(cleaned) ? "'s" : '';
  return `${base.slice(0, from)}${cleaned}${possessive}${base.slice(to)}?`;
}

/** "What else did he say?", "anything else?": more of what the previous answer gave, not the same again. */
const ELSE = /\b(?:else|more)\b(?!\s+than\b)/i;

/** Whether a question asks for more of the same ("what else did he say?"): earlier shown passages are left out. */
export function asksForMore(question: string): boolean {
  return ELSE.test(question);
}

/** Whether a question may lean on earlier turns (a pronoun, "and …?", "what about …?", a bare "when?"). */
export function mayBeFollowUp(question: string): boolean {
  const text = question.trim();
  PRONOUN.lastIndex = 0;
  return (
    PRONOUN.test(text) ||
    BARE_WH.test(text) ||
    ELLIPSIS.test(text) ||
    asksForMore(text) ||
    /\b(?:it|that|this|them)\b/i.test(text)
  );
}

/**
 * Resolves a follow-up against the conversation: pronouns become the people they refer to
 * ("who did she meet?" → "who did Wendy Sherman meet?"), "and NATO?" reuses the previous
 * question with the new entity, and "when?" / "where was that?" re-ask the previous question.
 * A question that needs nothing from the conversation is returned unchanged.
 */
export function resolveFollowUp(question: string, history: readonly ConversationTurn[], lexicon: Lexicon): string {
  const previous = [...history].reverse().find((t) => t.resolvedRequest.trim() !== '')?.resolvedRequest;
  if (!previous) return question;
  const candidates = salientReferents(history, lexicon);
  const bare = BARE_WH.exec(question.trim());
  if (bare?.[1]) {
    const wh = bare[1].charAt(0).toUpperCase() + bare[1].slice(1).toLowerCase();
    const start = WH_START.exec(previous);
    if (start) return `${wh}${previous.slice(start[0].length)}`;
    // A yes/no question takes the wh-word in front: "Did they meet?" + "how long?" → "How long did they meet?".
    if (YES_NO.test(previous)) return `${wh} ${previous.charAt(0).toLowerCase()}${previous.slice(1)}`;
    return `${wh}: ${previous}`;
  }
  // "What else did he say?" asks the same as "what did he say?", minus what was shown (the caller leaves that out);
  // "anything else?" alone re-asks the previous question.
  const bareMore = /^(?:and\s+)?(?:anything|something|what|any)\s+(?:else|more)\s*\??$/i.test(question.trim());
  if (bareMore) return previous;
  const ellipsis = ELLIPSIS.exec(question.trim());
  let text = question.replace(/\s+else\b/i, '');
  if (ellipsis?.[1]) {
    const rest = ellipsis[1];
    text = WH_START.test(rest) || YES_NO.test(rest) ? rest : fillFrame(previous, rest, lexicon);
  }
  return replacePronouns(text, candidates, requestReferents(text, lexicon), requestReferents(previous, lexicon));
}
