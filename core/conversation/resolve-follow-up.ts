import type { Entity, Gender, Lexicon, Mention } from '../entities/lexicon.ts';
import type { ConversationTurn } from '../ports/conversation-store.ts';

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
const FOLLOWER = /^\s*(?:[,.?!;:]|$|(?:to|with|about|for|at|in|on|from|by|and|or|that|if|when|after|before)\b)/i;

/** Entities of earlier turns, most salient first: newest turn first, its request's entities before its reply's. */
function salient(history: readonly ConversationTurn[], lexicon: Lexicon): Entity[] {
  const out: Entity[] = [];
  for (const turn of [...history].reverse()) {
    const asked = lexicon.find(turn.resolvedRequest).map((m) => m.entity);
    const shown = turn.entities.flatMap((name) =>
      lexicon
        .find(name)
        .slice(0, 1)
        .map((m) => m.entity),
    );
    for (const e of [...asked, ...shown]) if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** The person "he"/"she" most likely means: the most salient one of that gender, else one whose gender is unknown. */
function personOf(candidates: readonly Entity[], gender: Gender): Entity | undefined {
  return (
    candidates.find((e) => e.kind === 'person' && e.gender === gender) ??
    candidates.find((e) => e.kind === 'person' && e.gender === null)
  );
}

/**
 * What "they"/"their" most likely means: the two people of the last turn ("they met"), else the country or body the
 * last question was about ("what reason did they give?" after a question about Russia): in news English a
 * government, an alliance or a group is "they".
 */
function groupOf(candidates: readonly Entity[], previous: readonly Mention[]): string | undefined {
  const people = candidates.filter((e) => e.kind === 'person').slice(0, 2);
  if (people.length === 2) return people.map((e) => e.name).join(' and ');
  return previous.find((m) => m.entity.kind === 'place' || m.entity.kind === 'org')?.entity.name;
}

/** Replaces he/she/they… with the people they most likely mean; keeps pronouns the question itself explains. */
function replacePronouns(
  question: string,
  candidates: readonly Entity[],
  own: readonly Mention[],
  previous: readonly Mention[],
): string {
  return question.replace(PRONOUN, (word: string, _p: string, offset: number) => {
    const lower = word.toLowerCase();
    const gender: Gender | null = MALE.has(lower) ? 'male' : FEMALE.has(lower) ? 'female' : null;
    if (gender && own.some((m) => m.start < offset && m.entity.gender === gender)) return word;
    let name: string | undefined;
    if (gender) name = personOf(candidates, gender)?.name;
    else if (own.length === 0 && lower !== 'them') name = groupOf(candidates, previous);
    if (!name) return word;
    const rest = question.slice(offset + word.length);
    const possessive =
      lower === 'his' || lower === 'their' || lower === 'hers' || (lower === 'her' && !FOLLOWER.test(rest));
    return possessive ? `${name}'s` : name;
  });
}

/** "and NATO?": the previous question with the new entity in place of one of the same kind (or of all). */
function fillFrame(previous: string, phrase: string, lexicon: Lexicon): string {
  const cleaned = phrase
    .replace(/\b(?:one|ones)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const added = lexicon.find(cleaned).filter((m) => m.entity.kind !== 'other');
  const old = lexicon.find(previous).filter((m) => m.entity.kind !== 'other');
  const base = previous.replace(/\s*\?\s*$/, '');
  if (old.length === 0) return `${base}, regarding ${cleaned}?`;
  const kind = added[0]?.entity.kind;
  const sameKind = old.filter((m) => m.entity.kind === kind);
  const targets = sameKind.length > 0 ? sameKind : old;
  const first = targets[0] as Mention;
  const last = targets.at(-1) as Mention;
  // "Sherman and Ryabkov" is one slot; separate mentions far apart are not.
  const joined = /^\s*(?:,|and|&)\s*$/.test(base.slice(first.end, last.start)) || first === last;
  let from = joined ? first.start : last.start;
  const to = last.end;
  // The asker's article wins: "meet the OSCE" + "and NATO?" → "meet NATO".
  const article = /\b(?:the|a|an)\s+$/i.exec(base.slice(0, from));
  if (article) from -= article[0].length;
  return `${base.slice(0, from)}${cleaned}${base.slice(to)}?`;
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
  const candidates = salient(history, lexicon);
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
  return replacePronouns(text, candidates, lexicon.find(text), lexicon.find(previous));
}
