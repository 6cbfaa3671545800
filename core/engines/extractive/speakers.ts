import { REPORTING_VERBS } from '../../analysis/attribution-words.ts';
import type { Entity, Mention } from '../../entities/lexicon.ts';

/**
 * Who speaks in a sentence of news: facts of English attribution. A speech verb's subject is the name written
 * before it ("Ryabkov said", "In a statement, Stoltenberg said"), else the one after it ("…, said Ryabkov"); "according
 * to X" makes X a source as well (with whoever speaks: "according to the ministry, Xi said"); "…, he said" is the person the pronoun stands for, or
 * whoever spoke last; a spokesperson speaks for the body they speak for ("Ana Ruiz, spokesperson for the UN
 * refugee agency"; "agency spokesman Li Wei").
 */

/** Verbs and phrases that report speech or a statement (the attribution vocabulary plus forms it leaves out). */
const VERBS = `${REPORTING_VERBS}|saying|insisting|quoted|cited|reported|described|called|laid out|outlined|suggesting|pushing back`;
/** A speech verb, or "according to": the sentence names its source. */
export const SPEECH = new RegExp(String.raw`\b(?:${VERBS}|according to)\b`, 'i');
const SPEECH_VERB = new RegExp(String.raw`\b(?:${VERBS})\b`, 'i');
/** "he said", "she later told", "…," he added": the speech verb's subject is a pronoun. */
const PRONOUN_SUBJECT = new RegExp(
  String.raw`\b(?:he|she)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+|had\s+|has\s+)?(?:${REPORTING_VERBS})\b`,
  'i',
);
/** Between a verb's subject and the verb: nothing but an auxiliary or an adverb ("has said", "also told"). */
const SUBJECT_GAP = /^['’]?s?\s+(?:[\p{L}]+\s+){0,2}$/u;
const ACCORDING_TO = /\baccording to\s+(?:the\s+|a\s+)?$/i;
/** Between a name and the body it speaks for: ", spokesperson for the", ", a spokesman of". */
const SPOKESPERSON_FOR =
  /^['’]?s?,?\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}?(?:spokes(?:man|woman|person)|representative|envoy|ambassador)\s+(?:for|of|to)\s+(?:the\s+)?$/iu;
/** Between a body and the name of who speaks for it: "Kremlin spokesman ", "the ministry's spokesperson, ". */
const BODY_SPOKESPERSON =
  /^['’]?s?\s+(?:[\p{L}-]+\s+){0,2}?(?:spokes(?:man|woman|person)|representative|envoy|ambassador)\s*,?\s*$/iu;

/** The bodies a speaker's mention speaks for, by the words right before or after it in the text. */
function bodiesOf(text: string, speaker: Mention, mentions: readonly Mention[]): Entity[] {
  const out: Entity[] = [];
  for (const m of mentions) {
    if (m === speaker || m.entity.kind === 'person') continue;
    const after = m.start >= speaker.end && SPOKESPERSON_FOR.test(text.slice(speaker.end, m.start));
    const before = m.end <= speaker.start && BODY_SPOKESPERSON.test(text.slice(m.end, speaker.start));
    if (after || before) out.push(m.entity);
  }
  return out;
}

/**
 * Who speaks in a sentence: `outside` are the mentions outside quotation marks, in text order; `pronoun` the
 * person he/she refers to (null when unknown); `previous` who spoke in the sentence before. A sentence that is
 * only a quotation continues the previous speaker's words.
 */
export function speakersOf(
  text: string,
  outside: readonly Mention[],
  pronoun: Entity | null,
  previous: ReadonlySet<Entity>,
): Set<Entity> {
  const according = outside.find((m) => ACCORDING_TO.test(text.slice(Math.max(0, m.start - 20), m.start)));
  const sources = according ? [according.entity] : [];
  const verbAt = text.search(SPEECH_VERB);
  if (verbAt < 0) {
    if (according) return new Set(sources);
    return /^["“]/.test(text) && outside.length === 0 ? new Set(previous) : new Set();
  }
  const people = outside.filter((m) => m.entity.kind === 'person');
  const personBefore = people.find((m) => m.start < verbAt);
  const pronounAt = text.search(PRONOUN_SUBJECT);
  let speaker: Mention | undefined;
  if (personBefore && (pronounAt < 0 || personBefore.start < pronounAt)) speaker = personBefore;
  else if (pronounAt >= 0) {
    // "…," he said: the person the pronoun stands for, else whoever spoke in the sentence before.
    return new Set([...sources, ...(pronoun ? [pronoun] : previous)]);
  } else {
    // "WTO chief Ngozi Okonjo-Iweala said" (a name the lexicon files as a body), "the Kremlin said": the name right
    // before the verb is its subject; "…, said Ryabkov": the person after it.
    const before = outside.filter((m) => m.start < verbAt);
    const subject = before.at(-1);
    const adjacent = subject && SUBJECT_GAP.test(text.slice(subject.end, verbAt)) ? subject : undefined;
    speaker = adjacent ?? people[0] ?? subject ?? outside[0];
  }
  if (!speaker) return new Set(sources);
  return new Set([...sources, speaker.entity, ...bodiesOf(text, speaker, outside)]);
}
