import type { Question } from './question.ts';
import type { Unit } from './units.ts';

/**
 * Evidence that a sentence answers a question beyond which question words it contains: facts about how English
 * and news writing state an answer. A headline names a topic without stating the detail; the answer to "why"
 * states a cause ("because", "in response to"); the answer to "did they …?" is as often a denial ("did not
 * sign", "no agreement was signed") as a restatement. Pure functions of the text, table-tested on their own.
 */

/**
 * A headline, standfirst or label rather than a sentence of the article: no closing punctuation, or every longer
 * word capitalised ("Envoys Meet Ahead Of Lakeside Talks."). Title case capitalises the verb too; a sentence full
 * of names and titles still has a lowercase verb or noun ("…, David Babayan, surrendered to the authorities."),
 * so one lowercase longer word makes it a sentence.
 */
export function looksLikeHeadline(text: string): boolean {
  const trimmed = text.trim();
  if (!CLOSED.test(trimmed)) return true;
  const long = trimmed.match(LONG_WORD) ?? [];
  return long.length >= 4 && long.every((w) => CAPITAL.test(w));
}
// Unicode-property patterns are module constants (the esbuild target rebuilds a \p{…} literal on every call).
const LONG_WORD = /\p{L}[\p{L}'’-]{3,}/gu;
const CAPITAL = /^\p{Lu}/u;
const CLOSED = /[.!?…"”'’)\]]$/;

/** Words that state a cause or a purpose: the shape of an answer to "why". */
const CAUSAL =
  /\b(?:because|since|due to|owing to|as a result|result of|reasons?|in order to|so that|so as to|in response to|in protest|in retaliation|over fears?|for fear|amid|prompted|led to|caused?|motivated|aimed at|aims? to|intended to|as (?:he|she|it|they|the|a|an)\b)/i;
/** Negation and refusal: how a sentence answers "did they …?" with a no. */
const NEGATION =
  /\b(?:not|no|never|neither|nor|without|none|nothing|refused|declined|denied|rejected|avoids?|avoided|failed)\b|n['’]t\b/i;

/** Whether a sentence states a cause or purpose ("because the envoy fell ill", "in response to the blockade"). */
export const statesCause = (text: string): boolean => CAUSAL.test(text);

/** Whether a sentence negates or refuses something ("did not sign", "no agreement was signed", "won't"). */
export const statesNegation = (text: string): boolean => NEGATION.test(text);

/** The evidence features of one candidate (see FEATURES in answer-features.ts for what each says). */
export interface Evidence {
  headline: number;
  reasonGiven: number;
  polarNegation: number;
}

/** The evidence features of a unit for a question. */
export function evidenceOf(u: Unit, q: Question): Evidence {
  return {
    headline: looksLikeHeadline(u.text) ? 1 : 0,
    reasonGiven: q.form === 'reason' && statesCause(u.text) ? 1 : 0,
    polarNegation: q.form === 'polar' && statesNegation(u.text) ? 1 : 0,
  };
}
