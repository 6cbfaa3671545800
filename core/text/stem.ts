/**
 * A light English stemmer for matching question words to sentence words. It only has
 * to map inflections of one word together (met/meeting/meets → meet); it is not Porter.
 */

const IRREGULAR: Record<string, string> = {
  met: 'meet',
  meeting: 'meet',
  meetings: 'meet',
  led: 'lead',
  said: 'say',
  says: 'say',
  saying: 'say',
  told: 'tell',
  held: 'hold',
  began: 'begin',
  begun: 'begin',
  spoke: 'speak',
  spoken: 'speak',
  took: 'take',
  taken: 'take',
  sought: 'seek',
  drew: 'draw',
  drawn: 'draw',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  came: 'come',
  saw: 'see',
  seen: 'see',
  thought: 'think',
  brought: 'bring',
  knew: 'know',
  known: 'know',
  made: 'make',
  felt: 'feel',
  fell: 'fall',
  sent: 'send',
  got: 'get',
  kept: 'keep',
  ran: 'run',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  understood: 'understand',
  ate: 'eat',
  eaten: 'eat',
  died: 'die',
  dies: 'die',
  dying: 'die',
  won: 'win',
  lost: 'lose',
  spent: 'spend',
  paid: 'pay',
  sold: 'sell',
  bought: 'buy',
  built: 'build',
  flew: 'fly',
  flown: 'fly',
  grew: 'grow',
  grown: 'grow',
  men: 'man',
  women: 'woman',
  children: 'child',
  countries: 'country',
  better: 'good',
  best: 'good',
  worse: 'bad',
  worst: 'bad',
};

/** Irregular forms of a base verb ("meet" → "met", "meeting"), for widening a search. */
export function irregularForms(base: string): string[] {
  return Object.entries(IRREGULAR)
    .filter(([, b]) => b === base)
    .map(([form]) => form);
}

/** Irregular inflected forms ("met", "led", "came"): words that are verbs whatever their shape. */
export const IRREGULAR_FORMS: ReadonlySet<string> = new Set(
  Object.keys(IRREGULAR).filter(
    (w) => !/s$|ing$/.test(w) && !['men', 'women', 'children', 'better', 'best', 'worse', 'worst'].includes(w),
  ),
);

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word.at(-1) ?? '';
  if (word.length <= 3 || last !== word.at(-2)) return word;
  // "travell(ed)", "cancell(ed)": British doubling; short "call", "kill" keep theirs.
  if (last === 'l') return word.length >= 7 ? word.slice(0, -1) : word;
  return 'sz'.includes(last) ? word : word.slice(0, -1);
}

/** Strips one inflectional suffix so that different forms of a word compare equal. */
function stripSuffix(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ments') && word.length > 7) return word.slice(0, -5);
  if (word.endsWith('ment') && word.length > 6) return word.slice(0, -4);
  if (word.endsWith('ingly') && word.length > 7) return undouble(word.slice(0, -5));
  if (word.endsWith('ing') && word.length > 5 && VOWEL.test(word.slice(0, -3))) return undouble(word.slice(0, -3));
  if (word.endsWith('edly') && word.length > 6) return undouble(word.slice(0, -4));
  if (word.endsWith('ed') && word.length > 4 && VOWEL.test(word.slice(0, -2))) return undouble(word.slice(0, -2));
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ch|sh|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The stem of a lower-case word: irregular forms mapped, one suffix stripped, a final "e" dropped. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  const stripped = stripSuffix(lower);
  return stripped.length > 4 && stripped.endsWith('e') ? stripped.slice(0, -1) : stripped;
}

/**
 * Whether two stems are forms of one word: equal, or one a prefix (at least five letters)
 * of the other ("russia"/"russian", "ukrain"/"ukrainian", "negoti"/"negotiat").
 */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
}
