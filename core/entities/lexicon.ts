import { foldCase } from '../language/fold.ts';
import { type Word, words } from '../language/words.ts';
import type { AnalyzedSentence, AnalyzedText } from './analyze-text.ts';
import { inferGenders } from './gender.ts';
import type { NameRun } from './name-runs.ts';
import { knownPeople } from './vocabulary.ts';

export type EntityKind = 'person' | 'place' | 'org' | 'other';
export type Gender = 'male' | 'female';

/** A named entity of the corpus: a person, place or organisation with the forms it is written in. */
export interface Entity {
  /** Stable key: a person's surname, otherwise the lower-case name. */
  id: string;
  /** Display name: the longest form seen ("Sergei Ryabkov"). */
  name: string;
  kind: EntityKind;
  gender: Gender | null;
  /** Titles and roles written before the name ("Deputy Foreign Minister"). */
  roles: string[];
  /** Lower-case forms that refer to it ("sergei ryabkov", "sergey ryabkov", "ryabkov"). */
  forms: Set<string>;
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
}

export interface Lexicon {
  entities: readonly Entity[];
  get(id: string): Entity | undefined;
  /** Entity mentions in a text, case-insensitively, longest form first, in text order. */
  find(text: string): Mention[];
  /**
   * The same over words already split (offsets are those of the words). With `strictCase`, a
   * mention must start with a capital, as names do in edited text ("this week" is not ABC's show).
   */
  findWords(ws: readonly Word[], strictCase?: boolean): Mention[];
}

/** Names that are one entity under another name (the key they are filed under). */
const SAME_AS: Record<string, string> = {
  'united states': 'usa',
  'united states of america': 'usa',
  america: 'usa',
  'united kingdom': 'uk',
  britain: 'uk',
  'great britain': 'uk',
};

const keyOf = (tokens: readonly string[]): string => foldCase(tokens.join(' ')).replaceAll('’', "'");

function classify(runs: readonly NameRun[], isPerson: boolean): EntityKind {
  if (isPerson) return 'person';
  if (runs.some((r) => r.orgWord) || runs.every((r) => r.acronym)) return 'org';
  if (runs.some((r) => r.placeWord || r.afterPlacePreposition || r.name === 'USA')) return 'place';
  return 'other';
}

/** A lower-case word without its possessive. */
const bare = (lower: string) => (lower.endsWith("'s") ? lower.slice(0, -2) : lower);
const startsUpper = (text: string) => {
  const first = text.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
};

/** Builds the lexicon of analysed texts (passages, in document order) and infers genders from pronouns. */
export function buildLexicon(texts: readonly AnalyzedText[]): Lexicon {
  const sentences = texts.flatMap((t) => t.sentences);
  const runs = sentences.flatMap((s) => s.runs);
  const personSurnames = new Set(
    runs
      .filter((r) => (r.role !== null && !r.orgWord && !r.acronym) || knownPeople().has(keyOf(r.tokens.slice(-1))))
      .map((r) => keyOf(r.tokens.slice(-1))),
  );
  // An acronym spelled out somewhere ("Andean Trade Council (ATC)") files with its full name.
  const spelledOut = new Map<string, string>();
  for (const run of runs) if (run.abbreviation) spelledOut.set(keyOf([run.abbreviation]), keyOf(run.tokens));
  const groups = new Map<string, NameRun[]>();
  for (const run of runs) {
    const surname = keyOf(run.tokens.slice(-1));
    const full = keyOf(run.tokens);
    const key =
      personSurnames.has(surname) && run.tokens.length <= 3
        ? surname
        : (SAME_AS[full] ?? (run.acronym ? spelledOut.get(full) : undefined) ?? full);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const entities: Entity[] = [];
  for (const [id, group] of groups) {
    const count = (name: string) => group.filter((r) => r.name === name).length;
    const longest = group.reduce((a, b) =>
      b.tokens.length > a.tokens.length || (b.tokens.length === a.tokens.length && count(b.name) > count(a.name))
        ? b
        : a,
    );
    // An organisation goes by its acronym where the articles mostly do ("ATC", not its full name).
    const acronym = group.find((r) => r.acronym && spelledOut.get(keyOf(r.tokens)) === id);
    const name = acronym && count(acronym.name) > count(longest.name) ? acronym.name : longest.name;
    const forms = new Set(group.map((r) => keyOf(r.tokens)));
    const isPerson = personSurnames.has(id);
    if (isPerson) forms.add(id);
    const roles = [...new Set(group.flatMap((r) => (r.role ? [r.role] : [])))];
    entities.push({ id, name, kind: classify(group, isPerson), gender: null, roles, forms });
  }
  return finishLexicon(entities, sentences);
}

/** Indexes the entities by form and fills in genders. */
function finishLexicon(entities: Entity[], sentences: readonly AnalyzedSentence[]): Lexicon {
  const byForm = new Map<string, Entity>();
  // Persons first, so a surname form never resolves to a same-named place or organisation.
  const ordered = [...entities].sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person'));
  for (const entity of ordered) for (const form of entity.forms) if (!byForm.has(form)) byForm.set(form, entity);
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Longest form (in words) starting with each word, so most words are rejected by one lookup.
  const longest = new Map<string, number>();
  for (const form of byForm.keys()) {
    const parts = form.split(' ');
    const first = parts[0] ?? '';
    longest.set(first, Math.max(longest.get(first) ?? 0, parts.length));
  }
  const findWords = (ws: readonly Word[], strictCase = false): Mention[] => {
    const out: Mention[] = [];
    for (let i = 0; i < ws.length; i++) {
      const word = ws[i] as Word;
      const first = bare(word.lower);
      const max = longest.get(first);
      if (max === undefined || (strictCase && !startsUpper(word.text))) continue;
      for (let n = Math.min(max, ws.length - i); n >= 1; n--) {
        let key = first;
        for (let k = 1; k < n; k++) key += ` ${bare((ws[i + k] as Word).lower)}`;
        const entity = byForm.get(key);
        if (!entity) continue;
        out.push({ entity, start: word.start, end: (ws[i + n - 1] as Word).end });
        i += n - 1;
        break;
      }
    }
    return out;
  };
  const lexicon: Lexicon = {
    entities,
    get: (id) => byId.get(id),
    find: (text) => findWords(words(text)),
    findWords,
  };
  inferGenders(lexicon, sentences);
  return lexicon;
}
