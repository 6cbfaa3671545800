/**
 * Who stands behind a cited sentence: a named person or body on record, unnamed sources, the outlet
 * itself, or commentary. Read from the sentence and the text before it (for "he said").
 */
import { splitSentences } from '../ingest/split-sentences.ts';
import { collapseWhitespace } from '../language/quotes.ts';
import type { Attribution } from '../reply.ts';
import {
  ANALYSIS_PATTERNS,
  ANONYMOUS_PATTERNS,
  BODY_WORDS,
  NATIONALITY,
  REPORTING_VERBS,
  SPEAKER_PRONOUNS,
  TITLE_WORDS,
} from './attribution-words.ts';

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:de|van|von|al|bin|la|le|du)\s+)?${NAME_WORD}){0,5}`;
const PRONOUN = 'he|she|they|it';
const BODY = String.raw`(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}(?:${BODY_WORDS})`;

/** "said Ryabkov", "said Deputy Foreign Minister Sergei Ryabkov", "told reporters Ryabkov" (rare). */
const VERB_THEN_NAME = new RegExp(
  String.raw`\b(?:${REPORTING_VERBS})(?:\s+(?:reporters|journalists))?,?\s+(${NAME})(?=\s*(?:[.,;:!?]|$|\s+(?:on|in|at|during|after|before|late|early|yesterday|today|last|this)\b))`,
  'u',
);
/** "Ryabkov said", "Ryabkov, who led the delegation, said", "he told". */
const NAME_THEN_VERB = new RegExp(
  String.raw`(?:^|[^\p{L}])(${NAME}|${PRONOUN})(?:,[^,"“”]{1,90},)?\s+(?:also\s+|later\s+|on \p{Lu}\p{Ll}+\s+)?(?:${REPORTING_VERBS})\b`,
  'u',
);
/** "according to Ryabkov". */
const ACCORDING_TO = new RegExp(String.raw`\baccording to (?:the\s+)?(${NAME})`, 'u');
/** "the foreign ministry said", "a State Department spokesperson said". */
const BODY_SAYS = new RegExp(
  String.raw`\b(${BODY})\s+(?:${REPORTING_VERBS})\b|\b(?:${REPORTING_VERBS})\s+(${BODY})\b`,
  'iu',
);

/** The name in a capitalised run, without the titles and nationality before it ("Russian Deputy Foreign Minister Sergei Ryabkov" → "Sergei Ryabkov"). */
export function nameOf(run: string): string | null {
  const words = run.split(/\s+/);
  let i = 0;
  const isTitle = (w: string | undefined) => w !== undefined && TITLE_WORDS.has(w.toLowerCase());
  // A nationality counts only before a title ("Russian Deputy…"), since many first names end the same way.
  const possessive = (w: string | undefined) => w !== undefined && /['’]s$/.test(w);
  while (
    i < words.length - 1 &&
    (isTitle(words[i]) || possessive(words[i]) || (NATIONALITY.test(words[i] as string) && isTitle(words[i + 1])))
  )
    i++;
  const name = words
    .slice(i)
    .join(' ')
    .replace(/['’]s$/, '')
    .replace(/[.,]$/, '');
  if (name === '' || TITLE_WORDS.has(name.toLowerCase())) return null;
  return name;
}

/** Words capitalised only because they start the sentence or are not names ("The", "But"). */
const NOT_NAMES = new Set(
  `the a an but and so yet this that these those it its we i you our in on at as after before while when if analysts
  experts observers officials sources diplomats people critics monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december`.split(/\s+/),
);

function isName(run: string): boolean {
  const first = (run.split(/\s+/)[0] ?? '').toLowerCase();
  return !NOT_NAMES.has(first) && !SPEAKER_PRONOUNS.test(run);
}

/** The speaker a reporting verb in `text` names, or 'pronoun' when it is "he said", or null. */
function speakerIn(text: string): string | 'pronoun' | null {
  for (const pattern of [VERB_THEN_NAME, NAME_THEN_VERB, ACCORDING_TO]) {
    const m = pattern.exec(text);
    const run = m?.[1];
    if (!run) continue;
    if (SPEAKER_PRONOUNS.test(run)) return 'pronoun';
    if (isName(run)) {
      const name = nameOf(run);
      if (name) return name;
    }
  }
  const body = BODY_SAYS.exec(text);
  const bodyName = body?.[1] ?? body?.[2];
  if (bodyName) {
    // "a State Department spokesperson" speaks for a named body; "a spokesperson" for nobody in particular.
    const indefinite = /^(?:an?|one|some|several)\s/i.test(bodyName);
    if (!indefinite) return collapseWhitespace(bodyName);
    if (/\s\p{Lu}/u.test(bodyName)) return collapseWhitespace(bodyName.replace(/^\S+\s+/, ''));
  }
  return null;
}

/** The nearest speaker named before the sentence, for "he said". */
function earlierSpeaker(before: readonly string[]): string | null {
  for (const sentence of [...before].reverse()) {
    const speaker = speakerIn(sentence);
    if (speaker && speaker !== 'pronoun') return speaker;
  }
  return null;
}

/**
 * The attribution of a sentence, given the sentences before it in the article or passage.
 * Unnamed sourcing wins over a named body in the same sentence only when no person is named.
 */
export function attributeSentence(sentence: string, before: readonly string[] = []): Attribution {
  const speaker = speakerIn(sentence);
  const analysis = ANALYSIS_PATTERNS.some((p) => p.test(sentence));
  const anonymous = ANONYMOUS_PATTERNS.some((p) => p.test(sentence));
  if (speaker === 'pronoun') {
    if (anonymous) return { kind: 'anonymous' };
    const earlier = earlierSpeaker(before);
    if (earlier) return { kind: analysis ? 'analysis' : 'on-record', speaker: earlier };
    return { kind: analysis ? 'analysis' : 'on-record' };
  }
  if (anonymous && (!speaker || /\b(?:officials?|sources?|diplomats?)\b/i.test(speaker))) return { kind: 'anonymous' };
  if (speaker) return { kind: analysis ? 'analysis' : 'on-record', speaker };
  if (analysis) return { kind: 'analysis' };
  return { kind: 'agency' };
}

/**
 * The attribution of a quote taken from `context` (its passage or article): the sentences the quote
 * spans decide; a quotation whose attribution follows in the next sentence ("…," he added.) looks there too.
 */
export function attributeQuote(context: string, quote: string): Attribution {
  const sentences = splitSentences(context);
  const flat = collapseWhitespace(quote);
  const head = flat.slice(0, 40);
  const startIndex = sentences.findIndex((s) => collapseWhitespace(s.text).includes(head));
  if (startIndex < 0) return attributeSentence(quote);
  let endIndex = startIndex;
  let covered = collapseWhitespace(sentences[startIndex]?.text ?? '');
  while (!covered.includes(flat) && endIndex + 1 < sentences.length && covered.length < flat.length + 400) {
    endIndex++;
    covered = `${covered} ${collapseWhitespace(sentences[endIndex]?.text ?? '')}`;
  }
  const before = sentences.slice(Math.max(0, startIndex - 4), startIndex).map((s) => s.text);
  const found = attributeSentence(covered, before);
  const next = sentences[endIndex + 1]?.text;
  if (
    found.kind === 'agency' &&
    next &&
    /["”]/.test(covered) &&
    /^\s*["“]?[^"“”]*\b(?:said|says|added|told)\b/i.test(next)
  ) {
    return attributeSentence(`${covered} ${next}`, before);
  }
  return found;
}

/** "Ryabkov, on record", "anonymous source", "analysis", "the outlet's own reporting". */
export function describeAttribution(attribution: Attribution): string {
  switch (attribution.kind) {
    case 'on-record':
      return attribution.speaker ? `${attribution.speaker}, on record` : 'on record';
    case 'anonymous':
      return 'unnamed source';
    case 'analysis':
      return attribution.speaker ? `${attribution.speaker}, analysis` : 'analysis';
    default:
      return 'outlet reporting';
  }
}
