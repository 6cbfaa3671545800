import { lemma } from '../../language/lemma.ts';
import type { Parsed } from '../../language/parse.ts';
import { isStopword } from '../../language/words.ts';

export type AnswerType =
  | 'person'
  | 'date'
  | 'time'
  | 'year'
  | 'place'
  | 'number'
  | 'duration'
  | 'quote'
  | 'role'
  | 'org'
  | 'general';

const SPEECH_VERBS =
  'say|said|tell|told|warn|warned|describe|call|predict|claim|add|reply|replied|respond|mean|think|make of|expect|insist|state|stress|outline|find|found|believe|sum up|urge|suggest|want|like|demand|argue|announce|report|promise|threaten|see';
/** Verbs that ask for someone's words after "what" or "how", though "why did X condemn …" asks for a cause. */
const STATEMENT_VERBS =
  'justify|explain|characteri[sz]e|portray|react|view|assess|pledge|vow|tweet|post|write|wrote|complain|deny|acknowledge|admit|concede|hail|praise|critici[sz]e|condemn|ask';
/** Nouns after "what" that ask for a type, not for words ("what day did they say …" asks for a day). */
const TYPE_WORDS = 'day|date|time|year|month|week|city|country|place|building|position|post|job';
/** What someone says, as a noun: "what warning did the envoy give", "what was Lula's objection". */
const SPEECH_NOUNS =
  'point|points|warning|message|complaint|argument|promise|pledge|threat|demand|assurance|explanation|comment|comments|remark|remarks|response|reply|reaction|criticism|view|views|stance|verdict|assessment|appeal|plea|vow|words';
/** "What did X say …", "How did X describe …" ("why did X say …" asks for a cause): group 1 the speaker, group 2 the verb. */
export const QUOTE = new RegExp(
  `^(?:what|how)(?: (?!${TYPE_WORDS})\\w+)?\\s+(?:did|does|do|has|have|had|is|was|would|will)\\s+([^,]+?)\\s+(${SPEECH_VERBS})\\b`,
);
/** "How did X justify …", "what did X ask for": words asked for with a verb that is not only about speech. */
const STATEMENT = new RegExp(
  `^(?:what|how)(?: (?!${TYPE_WORDS})\\w+)?\\s+(?:did|does|do|has|have|had|would|will)\\s+([^,]+?)\\s+(${STATEMENT_VERBS})\\b`,
);
/** The same asked with a noun: "what warning did Xi give", "what point did Wang Yi make" (group 1 the speaker). */
const QUOTE_NOUN = new RegExp(
  `^(?:what|which) (?:\\w+ )?(?:${SPEECH_NOUNS}) (?:did|does|do|has|have|had) (.+?) (?:make|give|issue|send|deliver|offer|raise|voice|express|put forward)\\b`,
);
/** "What was the envoy's objection", "what is Lula's position on …", "where does Lula stand on …" (group 1 the speaker). */
const QUOTE_POSSESSIVE = new RegExp(
  `^(?:what|how) (?:was|is|were|are) (.+?)'s? (?:\\w+ )?(?:${SPEECH_NOUNS})\\b|^where (?:does|did|do) (.+?) stand\\b`,
);

/** Who a quote question asks about and the speech verb it uses, or null when it is not one. */
export function quoteAsked(tail: string): { speaker: string; verb: string | null } | null {
  const verb = QUOTE.exec(tail) ?? STATEMENT.exec(tail);
  if (verb?.[1]) return { speaker: verb[1], verb: verb[2] ?? null };
  const noun = QUOTE_NOUN.exec(tail);
  if (noun?.[1]) return { speaker: noun[1], verb: null };
  const possessive = QUOTE_POSSESSIVE.exec(tail);
  const speaker = possessive?.[1] ?? possessive?.[2];
  return speaker ? { speaker, verb: null } : null;
}
const ROLE =
  /^(?:what|which) (?:position|post|job|title|role|office|rank)\b|^what (?:is|was) .+?'s (?:job|position|role|title|post)\b/;
/** [pattern on the question from its first wh-word, answer type]; the first that matches wins. */
const RULES: readonly [Pick<RegExp, 'test'>, AnswerType][] = [
  [/^how (?:many|much|old)\b/, 'number'],
  [{ test: (tail: string) => quoteAsked(tail) !== null }, 'quote'],
  [/^how (?:long|often|far)\b/, 'duration'],
  [/^(?:what|which) (?:time|hour)\b|\btime of day\b/, 'time'],
  [/^(?:what|which) years?\b/, 'year'],
  [/^when\b|^(?:what|which) (?:day|date|month|week|weekday|evening|night)\b/, 'date'],
  [
    /^where\b|^(?:what|which) (?:city|cities|country|countries|place|venue|location|building|capital|region|town|site)\b/,
    'place',
  ],
  [ROLE, 'role'],
  [
    /^(?:what|which) (?:news agency|agency|broadcaster|(?:tv |television )?network|channel|outlet|newspaper|organi[sz]ation|station)\b/,
    'org',
  ],
  [
    /^(?:who|whom|whose)\b|^(?:which|what) (?:\w+ )?(?:official|diplomat|minister|person|leader|envoy|spokesman|politician|adviser|president)\b/,
    'person',
  ],
];
const WH = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/;

/** Nouns that name the answer type ("which city", "what day", "how many times"), not content. */
export const TYPE_NOUNS = new Set(
  'name day date month week weekday evening night time times hour year years city cities country countries place venue location building capital region town site position post job title role office rank agency broadcaster network channel outlet newspaper organisation organization station official person many much long often far tv television ago occasions'.split(
    ' ',
  ),
);
/** Verbs that carry no content of their own ("take place", "hold a post"). */
export const LIGHT = new Set(
  'hold take make get go do have happen occur give put set keep find see mean want like think be'.split(' ').map(lemma),
);
const AUX = new Set('is are was were has have had did does do will would can could should may might must'.split(' '));
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|week|month|year)$/;

/** The answer type of a question and the question from its first wh-word on (lower case). */
export function detectType(lower: string): { type: AnswerType; tail: string } {
  const at = lower.search(WH);
  const tail = at >= 0 ? lower.slice(at) : lower;
  for (const [pattern, type] of RULES) if (pattern.test(tail)) return { type, tail };
  if (/^who (?:is|was) /.test(tail)) return { type: 'role', tail };
  return { type: 'general', tail };
}

/** What "how many X" counts: the head noun of the phrase after "how many" ("wooden boats", "voters in the north" → boat, voter). */
export function countedLemma(parsed: Parsed): string | null {
  const tokens = parsed.tokens;
  const at = tokens.findIndex((t, i) => (t.lower === 'many' || t.lower === 'much') && tokens[i - 1]?.lower === 'how');
  if (at < 0) return null;
  let head: string | null = null;
  for (const t of tokens.slice(at + 1)) {
    if (t.pos === 'NOUN' && !TYPE_NOUNS.has(t.lower)) head = lemma(t.lower);
    else if (t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'NUM' && t.pos !== 'NOUN') break;
  }
  return head;
}

const DETERMINERS = new Set('the a an its their his her this that these those'.split(' '));

/** The main verb of a question and the word it governs ("launch its invasion" → invasion). */
export interface Focus {
  verb: string;
  /** The first noun after the verb (determiners and adjectives aside), unless it is a name or a stop-word. */
  object: string | null;
}

/** Tags the tagger gives words that carry the clause's action. */
const VERBAL = new Set(['VERB']);

/**
 * The main verb of a question from its part-of-speech tags: the first full verb after the wh-word ("who heads",
 * "which port shipped", "what was agreed", "did the envoy resign"), or, with do-support ("How long did the session
 * last?"), the bare word that ends the question. Null when there is none or it is a light verb ("take place").
 */
export function focusVerb(parsed: Parsed, isNameWord: (lower: string) => boolean): Focus | null {
  const tokens = parsed.tokens.filter((t) => t.pos !== 'PUNCT');
  const start = Math.max(
    0,
    tokens.findIndex((t) => WH.test(t.lower)),
  );
  let at = tokens.findIndex((t, i) => i > start && VERBAL.has(t.pos) && !isNameWord(t.lower) && !AUX.has(t.lower));
  if (at < 0 && tokens.some((t) => /^(?:did|does|do|will)$/.test(t.lower))) {
    const last = tokens.length - 1;
    const word = tokens[last]?.lower ?? '';
    if (last > start + 2 && !isStopword(word) && !isNameWord(word) && !CALENDAR.test(word)) at = last;
  }
  const verb = tokens[at]?.lower;
  if (!verb || LIGHT.has(lemma(verb)) || TYPE_NOUNS.has(verb)) return null;
  let o = at + 1;
  while (o < tokens.length && (DETERMINERS.has(tokens[o]?.lower ?? '') || tokens[o]?.pos === 'ADJ')) o++;
  const next = tokens[o];
  const object =
    next && next.pos === 'NOUN' && !isStopword(next.lower) && !isNameWord(next.lower) && !TYPE_NOUNS.has(next.lower)
      ? next.lower
      : null;
  return { verb, object };
}

/** What kind of reply a question wants beyond its answer type: a cause, or a yes or a no. */
export type QuestionForm = 'reason' | 'polar' | null;

const REASON =
  /^(?:why\b|how come\b|for what reasons?\b|what (?:was|were|is|are) (?:the )?(?:main )?(?:reasons?|motives?|causes?)\b)/;
const POLAR =
  /^(?:(?:and|so|but|then|also|ok|okay)\W+)*(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|may|might|must|isn't|wasn't|didn't|doesn't|hasn't|won't)\b/;

/** "Why …?" asks for a cause; "Did …?", "Will …?" (no wh-word first) ask for a yes or a no. */
export function questionForm(lower: string): QuestionForm {
  const at = lower.search(WH);
  if (at >= 0 && REASON.test(lower.slice(at))) return 'reason';
  if (POLAR.test(lower.trimStart()) && (at < 0 || !/^\W*$/.test(lower.slice(0, at)))) return 'polar';
  return null;
}
