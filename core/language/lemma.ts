import { createRequire } from 'node:module';

interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const STARTS_WITH_LETTER = /^\p{L}/u;

// WordNet's word lists take half a second to load: on first use, not at start-up.
const load = createRequire(import.meta.url);
let loaded: { lemmatizer: Lemmatizer; verbExceptions: Record<string, string> } | null = null;
function wink(): NonNullable<typeof loaded> {
  loaded ??= {
    lemmatizer: load('wink-lemmatizer') as Lemmatizer,
    verbExceptions: load('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>,
  };
  return loaded;
}

/**
 * The base form of an English word without its sentence (WordNet's morphology, through wink-lemmatizer): the verb
 * lemma when the word is an inflected verb ("met", "meeting", "signed" → meet, sign), else the noun lemma
 * ("talks", "countries" → talk, country), else the adjective's ("better" → good). A question word and a passage
 * word match when their base forms do, whichever inflection each is written in.
 */
export function lemma(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (lower.length < 3 || !STARTS_WITH_LETTER.test(lower)) return lower;
  const cached = memo.get(lower);
  if (cached !== undefined) return cached;
  const { lemmatizer } = wink();
  let base = lemmatizer.verb(lower);
  if (base === lower) base = lemmatizer.noun(lower);
  // A gerund noun ("meetings", "findings") is its verb's family: meeting → meet.
  if (base !== lower && base.endsWith('ing')) base = lemmatizer.verb(base);
  if (base === lower) base = lemmatizer.adjective(lower);
  if (memo.size < MAX_MEMO) memo.set(lower, base);
  return base;
}

const MAX_MEMO = 100_000;
const memo = new Map<string, string>();

/**
 * English derivational endings: a word plus one of these is the same family ("russia"/"russian",
 * "agree"/"agreement", "negotiate"/"negotiation"/"negotiator", "ukraine"/"ukrainian").
 */
const DERIVATIONS = new Set(
  'n an ian ean ese ist er ers or ors al ial ally ly ment ments ion ions ation ations ive ity ities ness ing ings ed y'.split(
    ' ',
  ),
);

/** Whether two base forms are one word family: equal, or one is the other plus a derivational ending. */
export function formsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 5) return false;
  if (long.startsWith(short) && DERIVATIONS.has(long.slice(short.length))) return true;
  // A final silent "e" goes before a vowel ending ("negotiate" → "negotiation", "ukraine" → "ukrainian").
  const root = short.endsWith('e') ? short.slice(0, -1) : null;
  return root !== null && long.startsWith(root) && DERIVATIONS.has(long.slice(root.length));
}

let inverse: Map<string, string[]> | null = null;

/** The irregular inflections of a base verb ("meet" → "met"), from WordNet's exception list: for widening a search. */
export function irregularForms(base: string): readonly string[] {
  if (!inverse) {
    inverse = new Map();
    for (const [form, root] of Object.entries(wink().verbExceptions))
      inverse.set(root, [...(inverse.get(root) ?? []), form]);
  }
  return inverse.get(base) ?? [];
}

/** Whether a word is an irregular past form of a verb ("met", "led", "began"): a verb whatever its shape. */
export function isIrregularPast(word: string): boolean {
  const lower = word.toLowerCase();
  const base = wink().verbExceptions[lower];
  return base !== undefined && base !== lower && !/(?:s|ing)$/.test(lower);
}
