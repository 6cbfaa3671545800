import { isStopword, type Word, words } from '../language/words.ts';
import {
  CONNECTORS,
  MONTHS,
  ORG_WORDS,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  ROLE_NOUNS,
  STATE_FORMS,
  TITLE_WORDS,
  WEEKDAYS,
} from './vocabulary.ts';

/** A capitalised name in a sentence, with the title or role written before it. */
export interface NameRun {
  /** The name without title words or possessive ("Sergei Ryabkov"). */
  name: string;
  tokens: string[];
  /** Title or role before the name ("Russian Deputy Foreign Minister", "Kremlin spokesman"), if any. */
  role: string | null;
  orgWord: boolean;
  placeWord: boolean;
  /** Written right after "in", "at", "from"… (a place reading). */
  afterPlacePreposition: boolean;
  acronym: boolean;
  /** The acronym written in brackets right after the name ("… Andean Trade Council (ATC)"), if any. */
  abbreviation?: string;
}

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const isCapitalised = (w: Word): boolean => CAPITALISED.test(w.text);
const isCalendarWord = (w: Word): boolean => {
  const lower = w.lower.replace(/'s$/, '');
  return WEEKDAYS.has(lower) || MONTHS.has(lower);
};

function lastTitleIndex(tokens: readonly Word[]): number {
  let last = -1;
  tokens.forEach((t, i) => {
    if (TITLE_WORDS.has(t.lower) || (t.lower === 'state' && tokens[i - 1]?.lower === 'of')) last = i;
  });
  return last;
}

function strip(token: string): string {
  return token.replace(/['’]s$/, '');
}

/** Groups capitalised words into runs (connectors allowed inside organisation and title names). */
function runsOf(sentence: string, ws: readonly Word[]): Word[][] {
  const runs: Word[][] = [];
  const adjacent = (a: Word, b: Word) => /^\s+$/.test(sentence.slice(a.end, b.start));
  let i = 0;
  while (i < ws.length) {
    const first = ws[i] as Word;
    if (!isCapitalised(first) || isCalendarWord(first)) {
      i++;
      continue;
    }
    const run = [first];
    let j = i + 1;
    while (j < ws.length) {
      const prev = run.at(-1) as Word;
      if (/['’]s$/.test(prev.text)) break;
      const next = ws[j] as Word;
      if (!adjacent(prev, next)) break;
      if (isCapitalised(next) && !isCalendarWord(next)) {
        run.push(next);
        j++;
        continue;
      }
      const after = ws[j + 1];
      // Organisations, titles and places take "of" inside their names ("Republic of Kosovo", "Gulf of Aden").
      const named = run.some((w) => ORG_WORDS.has(w.lower) || TITLE_WORDS.has(w.lower) || PLACE_WORDS.has(w.lower));
      const joinable = after && isCapitalised(after) && !isCalendarWord(after) && adjacent(next, after);
      if (named && CONNECTORS.has(next.lower) && joinable) {
        run.push(next, after);
        j += 2;
        continue;
      }
      break;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/** Whether a word starts a sentence or a quotation, where capitals say nothing about names. */
function atSentenceStart(sentence: string, word: Word): boolean {
  const before = sentence.slice(0, word.start).trimEnd();
  return before === '' || /[.!?:"“‘(—–-]$/.test(before);
}

/**
 * The capitalised names of one sentence. A word at the start of a sentence or quotation is a
 * name only when `isNameWord` says it is also capitalised elsewhere ("Talks between…",
 * "Earlier on Saturday…" are not names); titles are split from the name.
 */
export function nameRuns(
  sentence: string,
  isNameWord: (lower: string) => boolean,
  ws: readonly Word[] = words(sentence),
): NameRun[] {
  const out: NameRun[] = [];
  // "The President of Chile, Ana Rojas, …": the name set off by a comma holds that title.
  let appositive: { role: string; end: number } | null = null;
  let previousEnd = -1;
  for (const run of runsOf(sentence, ws)) {
    let tokens = run;
    const pending = appositive;
    appositive = null;
    const head = tokens[0] as Word;
    // A possessive ("Putin's adviser") marks a name even where capitals say nothing.
    const possessive = /['’]s$/.test(head.text) && tokens.length === 1;
    if (atSentenceStart(sentence, head) && !possessive && (isStopword(head.lower) || !isNameWord(strip(head.lower)))) {
      tokens = tokens.slice(1);
    }
    if (tokens.length === 0) continue;
    const found = lastTitleIndex(tokens);
    // A title word inside an organisation's name ("Ministry of Foreign Affairs") starts no person's name.
    const title = tokens.slice(0, Math.max(0, found)).some((t) => ORG_WORDS.has(t.lower)) ? -1 : found;
    let role =
      title >= 0
        ? tokens
            .slice(0, title + 1)
            .map((t) => t.text)
            .join(' ')
        : null;
    let rest = tokens.slice(title + 1);
    // "President of Chile", "Trade Minister of Peru": the title's country or body, not a person's name.
    const titleOf = title >= 0 && CONNECTORS.has(rest[0]?.lower ?? '');
    if (titleOf) {
      appositive = { role: tokens.map((t) => t.text).join(' '), end: (tokens.at(-1) as Word).end };
      rest = rest.slice(1);
      role = null;
    }
    // A state written out in full is the state: "the Plurinational State of Bolivia" is Bolivia.
    const formal = rest.findIndex((t, k) => STATE_FORMS.has(t.lower) && rest[k + 1]?.lower === 'of');
    const stateName = formal >= 0 && rest.length > formal + 2;
    if (stateName) rest = rest.slice(formal + 2);
    const nameTokens = rest.filter((t) => !CONNECTORS.has(t.lower) || rest.length > 2);
    if (nameTokens.length === 0 || (nameTokens.length === 1 && (nameTokens[0]?.text.length ?? 0) < 2)) continue;
    const before = ws[ws.indexOf(tokens[0] as Word) - 1];
    if (role === null && pending && /^\s*,\s*$/.test(sentence.slice(pending.end, (tokens[0] as Word).start))) {
      role = pending.role;
    }
    if (role === null && before && ROLE_NOUNS.has(before.lower)) {
      const from = Math.max(0, ws.indexOf(before) - 2);
      role = ws
        .slice(from, ws.indexOf(before) + 1)
        .filter((w) => !isStopword(w.lower))
        .map((w) => strip(w.text))
        .join(' ');
    }
    const prep = before?.lower === 'the' ? ws[ws.indexOf(before) - 1] : before;
    const names = nameTokens.map((t) => strip(t.text));
    const previous = out.at(-1);
    const acronym = names.length === 1 && ACRONYM.test(names[0] ?? '') && names[0] !== 'USA';
    // A common word in capitals ("ALSO READ", "WATCH") is page furniture, not an acronym.
    if (acronym && isStopword((names[0] ?? '').toLowerCase())) continue;
    // News writing spells a name out once and puts its acronym in brackets after it: the two are one name.
    if (
      acronym &&
      previous &&
      previousEnd >= 0 &&
      /^\s*\($/.test(sentence.slice(previousEnd, (tokens[0] as Word).start))
    ) {
      if (sentence.slice((tokens.at(-1) as Word).end).startsWith(')')) previous.abbreviation = names[0];
    }
    previousEnd = (tokens.at(-1) as Word).end;
    out.push({
      name: names.join(' '),
      tokens: names,
      role,
      orgWord: nameTokens.some((t) => ORG_WORDS.has(t.lower)),
      placeWord: stateName || nameTokens.some((t) => PLACE_WORDS.has(t.lower)),
      // The country or body of a title ("President of Chile") reads as a place, like one after "in".
      afterPlacePreposition: titleOf || Boolean(prep && PLACE_PREPOSITIONS.has(prep.lower)),
      acronym,
    });
  }
  return out;
}
