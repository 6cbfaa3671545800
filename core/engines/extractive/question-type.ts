import { IRREGULAR_FORMS, stem } from '../../text/stem.ts';
import { isStopword, type Word } from '../../text/words.ts';

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
/** Nouns after "what" that ask for a type, not for words ("what day did they say …" asks for a day). */
const TYPE_WORDS = 'day|date|time|year|month|week|city|country|place|building|position|post|job';
/** "What did X say …", "How did X describe …": group 1 is the speaker, group 2 the verb. */
export const QUOTE = new RegExp(
  `^(?:what|how|why)(?: (?!${TYPE_WORDS})\\w+)?\\s+(?:did|does|do|has|have|had|is|was|would|will)\\s+(.+?)\\s+(${SPEECH_VERBS})\\b`,
);
const ROLE =
  /^(?:what|which) (?:position|post|job|title|role|office|rank)\b|^what (?:is|was) .+?'s (?:job|position|role|title|post)\b/;
/** [pattern on the question from its first wh-word, answer type]; the first that matches wins. */
const RULES: readonly [RegExp, AnswerType][] = [
  [/^how (?:many|much)\b/, 'number'],
  [QUOTE, 'quote'],
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
  'hold take make get go do have happen occur give put set keep find see mean want like think be'.split(' ').map(stem),
);
const AUX = new Set('is are was were has have had did does do will would can could should may might must'.split(' '));
const BE = new Set(['being', 'been', 'be', 'not']);
const MODALS = new Set('will would can could should may might must'.split(' '));
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

/** What "how many X" counts: the last content word before the verb ("Russian soldiers" → soldier). */
export function countedStem(tail: string): string | null {
  const after = /^how (?:many|much) (.*)$/.exec(tail)?.[1] ?? '';
  let last: string | null = null;
  for (const raw of after.split(/\s+/)) {
    const w = raw.replace(/[^\p{L}\p{N}-]/gu, '');
    if (AUX.has(w)) break;
    if (w && !isStopword(w) && !TYPE_NOUNS.has(w)) last = stem(w);
  }
  return last;
}

const looksPast = (w: string) => /[a-z]{2,}(?:ed|en)$/.test(w) || IRREGULAR_FORMS.has(w);

const DETERMINERS = new Set('the a an its their his her this that these those'.split(' '));

/** The main verb of a question and the word it governs ("launch its invasion" → invasion). */
export interface Focus {
  verb: string;
  /** The first word after the verb (determiners aside), unless it is a name or a stop-word. */
  object: string | null;
}

/** Index of the main verb in `tokens`, or -1. */
function verbIndex(tokens: readonly string[], isNameWord: (lower: string) => boolean): number {
  const start = tokens.findIndex((t) => WH.test(t));
  if (start < 0 && !AUX.has(tokens[0] ?? '')) return -1;
  let j = start >= 0 ? start + 1 : 0;
  for (; j < Math.min(tokens.length, start + 5); j++) {
    const t = tokens[j] as string;
    if (AUX.has(t)) break;
    if (isStopword(t) || isNameWord(t)) continue;
    if ((j === start + 1 && /[a-z]{3,}s$/.test(t)) || looksPast(t)) return j;
  }
  if (!AUX.has(tokens[j] ?? '')) return -1;
  // "Who will lead …": a modal right after the wh-word is followed by the verb itself.
  if (j === start + 1 && MODALS.has(tokens[j] ?? '') && tokens[j + 1] && !isStopword(tokens[j + 1] as string)) {
    return j + 1;
  }
  let k = j + 1;
  while (BE.has(tokens[k] ?? '')) k++;
  const next = tokens[k] ?? '';
  if (looksPast(next) && !isNameWord(next)) return k;
  // "What was the outcome of the talks?": the noun before "of" is what is asked about.
  if (/^(?:the|a|an)$/.test(next) && tokens[k + 2] === 'of' && !isNameWord(tokens[k + 1] ?? '')) return k + 1;
  if (isNameWord(next)) {
    while (k < tokens.length && (isNameWord(tokens[k] as string) || tokens[k] === 'and')) k++;
    // "did US officials outline": a plural noun still belongs to the subject.
    while (/s$/.test(tokens[k] ?? '') && tokens[k + 1] && !isStopword(tokens[k + 1] as string)) k++;
    while (/ly$/.test(tokens[k] ?? '')) k++;
    return tokens[k] && !isStopword(tokens[k] as string) ? k : -1;
  }
  if (/^(?:did|does|do|will)$/.test(tokens[j] ?? '')) {
    // "How long did Monday's session last?": a question ending in a bare word ends in its verb.
    const last = tokens.at(-1) ?? '';
    if (tokens.length - k >= 2 && !isStopword(last) && !isNameWord(last) && !CALENDAR.test(last))
      return tokens.length - 1;
  }
  return -1;
}

/**
 * The main verb of a question, when word shapes tell it without a parser: "who heads",
 * "which city hosted", "what was agreed", "did Russia launch", "will Sherman and Ryabkov meet".
 * Null when unsure or when the verb is a light one ("take place").
 */
export function focusVerb(ws: readonly Word[], isNameWord: (lower: string) => boolean): Focus | null {
  const tokens = ws.map((w) => w.lower.replace(/'s$/, ''));
  const at = verbIndex(tokens, isNameWord);
  const verb = tokens[at];
  if (!verb || LIGHT.has(stem(verb)) || TYPE_NOUNS.has(verb)) return null;
  let o = at + 1;
  while (DETERMINERS.has(tokens[o] ?? '')) o++;
  const next = tokens[o];
  const object = next && !isStopword(next) && !isNameWord(next) && !TYPE_NOUNS.has(next) ? next : null;
  return { verb, object };
}
