/**
 * The terms SQLite's FTS5 tokenizer `porter unicode61 remove_diacritics 2` (passages_fts) makes of a text,
 * computed in JS so a few candidate passages can be rescored without asking FTS5 for every phrase.
 * Token boundaries and the Porter stemmer follow SQLite's C code exactly; case folding and diacritic
 * removal outside ASCII use the JS Unicode tables, which agree with SQLite's for ordinary text.
 */

/** Combining marks unicode61 keeps inside a token (sqlite3Fts5UnicodeIsdiacritic: U+0300–U+0331 masks). */
const DIACRITICS = (() => {
  const masks = [0x08029fdf, 0x000361f8];
  let chars = '';
  for (let c = 768; c <= 817; c++) {
    const offset = c - 768;
    if (((masks[offset >> 5] ?? 0) >>> (offset & 31)) & 1) chars += String.fromCharCode(c);
  }
  return chars;
})();
const TOKEN = new RegExp(`[\\p{L}\\p{N}\\p{Co}][\\p{L}\\p{N}\\p{Co}${DIACRITICS}]*`, 'gu');
const NON_ASCII = /[\u0080-\uffff]/;
const isAscii = (text: string): boolean => !NON_ASCII.test(text);
/** Longest token (in UTF-8 bytes) the porter tokenizer stems; longer ones pass through. */
const PORTER_MAX_TOKEN = 64;

/** The token being stemmed: UTF-8 bytes in a reused buffer (SQLite's stemmer works on bytes). */
type Bytes = Uint8Array;
type Condition = (buf: Bytes, n: number) => boolean;

const isVowel = (c: number | undefined, yIsVowel: boolean): boolean =>
  c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || (yIsVowel && c === 121);

/** fts5PorterGobbleVC: end of the first vowel-then-consonant run after `start`, or 0. */
function gobbleVC(buf: Bytes, start: number, end: number, prevConsonant: boolean): number {
  let consonant = prevConsonant;
  let i = start;
  for (; i < end; i++) {
    consonant = !isVowel(buf[i], consonant);
    if (!consonant) break;
  }
  for (i++; i < end; i++) {
    consonant = !isVowel(buf[i], consonant);
    if (consonant) return i + 1 - start;
  }
  return 0;
}

const mGt0: Condition = (buf, n) => gobbleVC(buf, 0, n, false) !== 0;
const mGt1: Condition = (buf, n) => {
  const first = gobbleVC(buf, 0, n, false);
  return first !== 0 && gobbleVC(buf, first, n, true) !== 0;
};
const mEq1: Condition = (buf, n) => {
  const first = gobbleVC(buf, 0, n, false);
  return first !== 0 && gobbleVC(buf, first, n, true) === 0;
};
const oStar: Condition = (buf, n) => {
  const last = buf[n - 1];
  if (last === 119 || last === 120 || last === 121) return false;
  let mask = 0;
  let consonant = false;
  for (let i = 0; i < n; i++) {
    consonant = !isVowel(buf[i], consonant);
    mask = ((mask << 1) + (consonant ? 1 : 0)) & 0xffff;
  }
  return (mask & 0x7) === 0x5;
};
const mGt1SorT: Condition = (buf, n) => (buf[n - 1] === 115 || buf[n - 1] === 116) && mGt1(buf, n);
const hasVowel: Condition = (buf, n) => {
  for (let i = 0; i < n; i++) if (isVowel(buf[i], i > 0)) return true;
  return false;
};

interface Rule {
  suffix: number[];
  output: number[];
  condition: Condition | null;
  /** What the step returns when the rule fires (only step 1b uses it). */
  fires: boolean;
}

const codes = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** A step's rules, indexed like SQLite's switch by the second-last byte of the word. */
type Step = readonly (readonly Rule[] | undefined)[];

function rules(list: readonly (readonly [string, string, Condition | null, boolean?])[]): Step {
  const byCase: Rule[][] = [];
  for (const [suffix, output, condition, fires] of list) {
    const code = suffix.charCodeAt(suffix.length - 2);
    const rule = { suffix: codes(suffix), output: codes(output), condition, fires: fires ?? false };
    const same = byCase[code];
    if (same) same.push(rule);
    else byCase[code] = [rule];
  }
  return byCase;
}

// Rules in the order of SQLite's generated switch statements: within a step, the first suffix that
// matches decides, whether or not its condition holds (suffixes of different cases never both match).
const STEP_1B = rules([
  ['eed', 'ee', mGt0],
  ['ed', '', hasVowel, true],
  ['ing', '', hasVowel, true],
]);
const STEP_1B2 = rules([
  ['at', 'ate', null, true],
  ['bl', 'ble', null, true],
  ['iz', 'ize', null, true],
]);
const STEP_2 = rules([
  ['ational', 'ate', mGt0],
  ['tional', 'tion', mGt0],
  ['enci', 'ence', mGt0],
  ['anci', 'ance', mGt0],
  ['izer', 'ize', mGt0],
  ['logi', 'log', mGt0],
  ['bli', 'ble', mGt0],
  ['alli', 'al', mGt0],
  ['entli', 'ent', mGt0],
  ['eli', 'e', mGt0],
  ['ousli', 'ous', mGt0],
  ['ization', 'ize', mGt0],
  ['ation', 'ate', mGt0],
  ['ator', 'ate', mGt0],
  ['alism', 'al', mGt0],
  ['iveness', 'ive', mGt0],
  ['fulness', 'ful', mGt0],
  ['ousness', 'ous', mGt0],
  ['aliti', 'al', mGt0],
  ['iviti', 'ive', mGt0],
  ['biliti', 'ble', mGt0],
]);
const STEP_3 = rules([
  ['ical', 'ic', mGt0],
  ['ness', '', mGt0],
  ['icate', 'ic', mGt0],
  ['iciti', 'ic', mGt0],
  ['ful', '', mGt0],
  ['ative', '', mGt0],
  ['alize', 'al', mGt0],
]);
const STEP_4 = rules([
  ['al', '', mGt1],
  ['ance', '', mGt1],
  ['ence', '', mGt1],
  ['er', '', mGt1],
  ['ic', '', mGt1],
  ['able', '', mGt1],
  ['ible', '', mGt1],
  ['ant', '', mGt1],
  ['ement', '', mGt1],
  ['ment', '', mGt1],
  ['ent', '', mGt1],
  ['ion', '', mGt1SorT],
  ['ou', '', mGt1],
  ['ism', '', mGt1],
  ['ate', '', mGt1],
  ['iti', '', mGt1],
  ['ous', '', mGt1],
  ['ive', '', mGt1],
  ['ize', '', mGt1],
]);

function endsWith(buf: Bytes, n: number, suffix: readonly number[]): boolean {
  if (n <= suffix.length) return false;
  for (let i = 0; i < suffix.length; i++) if (buf[n - suffix.length + i] !== suffix[i]) return false;
  return true;
}

/** One generated porter step on buf[0, n): the new length, negated when the rule "fired". */
function step(buf: Bytes, n: number, byCase: Step): number {
  const list = n >= 2 ? byCase[buf[n - 2] as number] : undefined;
  if (list === undefined) return n;
  for (const rule of list) {
    if (!endsWith(buf, n, rule.suffix)) continue;
    const stem = n - rule.suffix.length;
    if (rule.condition !== null && !rule.condition(buf, stem)) return n;
    buf.set(rule.output, stem);
    const length = stem + rule.output.length;
    return rule.fires ? -length : length;
  }
  return n;
}

/** Room for the longest token stemmed plus what a rule can add. */
const buffer = new Uint8Array(PORTER_MAX_TOKEN + 8);

/** fts5PorterCb on the UTF-8 bytes of a folded token: the stem's length in `buffer`. */
function porter(length: number): number {
  const buf = buffer;
  let n = length;
  // Step 1a.
  if (buf[n - 1] === 115) {
    if (buf[n - 2] === 101) {
      n = (n > 4 && buf[n - 4] === 115 && buf[n - 3] === 115) || (n > 3 && buf[n - 3] === 105) ? n - 2 : n - 1;
    } else if (buf[n - 2] !== 115) {
      n -= 1;
    }
  }
  // Step 1b.
  const one = step(buf, n, STEP_1B);
  n = Math.abs(one);
  if (one < 0) {
    const two = step(buf, n, STEP_1B2);
    n = Math.abs(two);
    if (two >= 0) {
      const c = buf[n - 1];
      if (!isVowel(c, false) && c !== 108 && c !== 115 && c !== 122 && c === buf[n - 2]) {
        n -= 1;
      } else if (mEq1(buf, n) && oStar(buf, n)) {
        buf[n] = 101;
        n += 1;
      }
    }
  }
  // Step 1c.
  if (buf[n - 1] === 121 && hasVowel(buf, n - 1)) buf[n - 1] = 105;
  // Steps 2 to 4.
  n = step(buf, n, STEP_2);
  n = step(buf, n, STEP_3);
  n = step(buf, n, STEP_4);
  // Step 5a.
  if (buf[n - 1] === 101 && (mGt1(buf, n - 1) || (mEq1(buf, n - 1) && !oStar(buf, n - 1)))) n -= 1;
  // Step 5b.
  if (n > 1 && buf[n - 1] === 108 && buf[n - 2] === 108 && mGt1(buf, n - 1)) n -= 1;
  return n;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fold(token: string): string {
  if (isAscii(token)) return token.toLowerCase();
  return token
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
}

/** Stems are memoised: the same few thousand words recur in every candidate set. */
const stems = new Map<string, string>();
const MAX_MEMO = 30_000;

function stem(folded: string): string {
  let out = stems.get(folded);
  if (out !== undefined) return out;
  if (isAscii(folded)) {
    if (folded.length > PORTER_MAX_TOKEN || folded.length < 3) {
      out = folded;
    } else {
      for (let i = 0; i < folded.length; i++) buffer[i] = folded.charCodeAt(i);
      const length = porter(folded.length);
      out = '';
      for (let i = 0; i < length; i++) out += String.fromCharCode(buffer[i] as number);
    }
  } else {
    const bytes = encoder.encode(folded);
    if (bytes.length > PORTER_MAX_TOKEN || bytes.length < 3) {
      out = folded;
    } else {
      buffer.set(bytes);
      out = decoder.decode(buffer.subarray(0, porter(bytes.length)));
    }
  }
  if (stems.size >= MAX_MEMO) stems.clear();
  stems.set(folded, out);
  return out;
}

/**
 * The FTS5 terms of `text`, in order (what passages_fts indexes, or what a quoted phrase searches).
 * With `initials`, only words starting with one of those characters are stemmed (stemming keeps the first
 * character) and the others stand as empty strings, so positions still line up for phrases.
 */
export function fts5Terms(text: string, initials?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (isAscii(text)) {
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      out.push(initials && !initials.has(word[0] as string) ? '' : stem(word));
    }
    return out;
  }
  for (const match of text.matchAll(TOKEN)) {
    const folded = fold(match[0]);
    if (folded.length === 0) continue;
    out.push(initials && !initials.has(folded[0] as string) ? '' : stem(folded));
  }
  return out;
}
