import { formsMatch, lemma } from '../../language/lemma.ts';
import { broaderWords } from '../../language/wordnet.ts';
import { isStopword } from '../../language/words.ts';
import type { Question } from './question.ts';
import { unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

/** Number words of English (a compound such as "thirty-nine" is two of them joined by a hyphen). */
export const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|tens|scores|several|few';
/** A number, or an ordinal in digits: "the 9th congress" says how many there have been. */
const NUMBER_PART = new RegExp(`^(?:\\d[\\d,.]*%?|\\d+(?:st|nd|rd|th)|${NUMBER_WORD})$`, 'i');

/**
 * How a word written as a number splits: "39", "thirty-nine", "100,000" are numbers; "11-point" and "seven-day" are
 * a number with what it counts fused on. Null when the word is not a number at all.
 */
export function numeral(word: string): { counted: string | null } | null {
  const parts = word.split('-');
  if (!NUMBER_PART.test(parts[0] ?? '')) return null;
  const rest = parts.slice(1).filter((p) => !NUMBER_PART.test(p));
  return { counted: rest.at(-1) ?? null };
}

/**
 * A number the question does not contain, ending the noun phrase of what is counted ("100,000 troops", "tens of
 * thousands of troops", "an 11-point plan"): 1. A number that counts something else ("24 hostages" for "how many
 * captives") is half an answer: the counted noun may be the writer's word for the same thing.
 */
export function countsWhatIsAsked(unit: Unit, q: Question): number {
  const ws = unit.words;
  const counted = q.counted ? { stem: q.counted, weight: 1 } : null;
  const isCounted = (word: string, stem: string) =>
    counted !== null &&
    (unitHasTerm({ ...unit, stems: new Set([stem]), text: word, folded: word }, counted) || kindOf(stem, counted.stem));
  let some = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w || q.words.has(w.lower) || /^(?:1[89]|20)\d\d$/.test(w.lower)) continue;
    const n = numeral(w.lower);
    if (!n) continue;
    if (!counted) return 1;
    if (n.counted && isCounted(n.counted, lemma(n.counted))) return 1;
    // What is counted ends its noun phrase, a few words on ("39 Palestinian women and children detainees").
    for (let j = i + 1; j <= i + 6 && j < ws.length; j++) {
      const next = ws[j];
      if (!next || PHRASE_BREAK.test(unit.text.slice(ws[j - 1]?.end ?? 0, next.start))) break;
      if (isCounted(next.lower, next.stem)) return 1;
      // A broader word for what is asked ("2,000 people" for "how many residents") is most of an answer.
      if (counted && kindOf(counted.stem, next.stem)) some = 0.75;
    }
    // "The strike killed two, …": a number standing alone after a verb the question asks about counts what the
    // verb did ("stationed 100,000 troops" counts troops, not what is asked).
    const before = ws[i - 1];
    const after = ws[i + 1];
    const alone = !after || isStopword(after.lower) || PHRASE_BREAK.test(unit.text.slice(w.end, after.start));
    if (
      alone &&
      before &&
      !isStopword(before.lower) &&
      q.terms.some((t) => t.stem !== q.counted && formsMatch(before.stem, t.stem))
    )
      return 1;
    some = Math.max(some, 0.5);
  }
  return some;
}

/** "People" is the plural of "person": WordNet files the kind under the singular. */
const singular = (noun: string) => (noun === 'people' ? 'person' : noun);

/** The noun counted is a kind of the one asked ("hostages" are captives, "Armenians" people). */
const kindOf = (noun: string, asked: string) => broaderWords(singular(noun)).has(singular(asked));

/** Punctuation that ends a noun phrase. */
const PHRASE_BREAK = /[,;:()[\]]|\.\s/;
