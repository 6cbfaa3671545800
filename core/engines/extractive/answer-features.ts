import { evidenceOf } from './answer-evidence.ts';
import { satisfiesType } from './answer-types.ts';
import type { EngineContext } from './context.ts';
import type { Question } from './question.ts';
import {
  anyUnitHasTerm,
  entityCredit,
  sameSpeaker,
  type Term,
  termCredit,
  unitHasEntity,
  unitHasTerm,
} from './term-match.ts';
import type { Unit } from './units.ts';

/**
 * The features the answer model reads for one candidate sentence (with its neighbours) and one question.
 * Every feature is a general property of English questions and news sentences, never of one question.
 * Order matters: the model file stores one weight per name, and loading checks the names match.
 */
export const FEATURES = [
  'bias',
  /** Share of the question's content words (idf-weighted) the sentence contains, synonyms at a discount. */
  'coverage',
  /** The same share counting words found only in the neighbouring sentences. */
  'contextCoverage',
  /** Share of the question's rarest word weight found in the sentence (the words that pick the event). */
  'rareCoverage',
  /** The same share over the sentence's whole document as retrieved (is the article about this event at all?). */
  'documentCoverage',
  /** The best document coverage any candidate has: how well the corpus covers the question at all. */
  'bestDocumentCoverage',
  /** Share of the people the question names who the sentence names (1 when it names none). */
  'people',
  /** Share of the places and organisations the question names that the sentence names. */
  'places',
  /** The sentence holds the kind of thing asked for (a person for "who", a day for "when"), not already in the question. */
  'typed',
  /** The question asks for a kind of thing (who, when, where, how many…). */
  'typedQuestion',
  /** The question's main verb (and what it governs) appears here, in some form. */
  'focused',
  /** The question has a recognisable main verb. */
  'hasFocus',
  /** The question's main verb (or what it governs) appears in no candidate, in any form or synonym. */
  'focusAbsent',
  /** Consecutive question words that stand next to each other in the sentence. */
  'bigrams',
  /** 1 / (1 + retrieval rank of the passage). */
  'rank',
  /** The passage's retrieval score relative to the best one. */
  'score',
  /** The sentence opens its article (news leads state the main fact). */
  'lead',
  /** log of the sentence length in words, centred on 25 words. */
  'length',
  /** Share of the question's word weight found anywhere in the retrieved passages. */
  'present',
  /** The question names something no retrieved passage mentions. */
  'unknownName',
  /** Other documents among the candidates that carry a sentence covering the question as well (corroboration). */
  'corroboration',
  /** The sentence is a quotation or names who said it. */
  'attributed',
  /** A "what did X say" question and X speaks in the sentence. */
  'speakerMatch',
  /**
   * The hand-written answer test the engine used before the model (typed, focused, names every person asked
   * about, enough plain word coverage): a feature now, weighed by the fit like any other.
   */
  'ruleAnswers',
  /** The question names an outlet ("according to Reuters") and the sentence is from another one. */
  'otherOutlet',
  /**
   * The weight of the rarest question word (or a name it asks about) that neither the sentence nor its neighbours
   * contain, relative to the rarest possible: every specific word of a question narrows what answers it.
   */
  'missingRare',
  /** A person or place the question names is absent from the sentence and its neighbours. */
  'missingName',
  /** The sentence's article is one the conversation's last answer cited (follow-ups stay on their story). */
  'conversationFocus',
  /** The unit is a headline or label (no closing punctuation, or title case), not a sentence stating a fact. */
  'headline',
  /** A "why" question and the sentence states a cause or purpose ("because", "in response to"). */
  'reasonGiven',
  /** A yes/no question and the sentence negates or refuses ("did not sign", "no agreement was signed"). */
  'polarNegation',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface Candidate {
  unit: Unit;
  /** Feature values in FEATURES order. */
  x: number[];
}

/** Credit for a word found only next to the sentence. */
const CONTEXT_CREDIT = 0.5;

/** Candidates for a question: every unit with its features. */
export function candidateFeatures(ctx: EngineContext, q: Question): Candidate[] {
  const { units, idf } = ctx;
  const weight = (t: Term) => idf.weight(t.stem);
  const terms = q.terms;
  const places = q.entities.filter((e) => e.kind !== 'person');
  const people = q.entities.filter((e) => e.kind === 'person');
  const totalWeight = terms.reduce((sum, t) => sum + weight(t), 0);
  // What the corpus covers is judged on the ordinary hits: a wider pass's passages add candidates, not coverage.
  const ordinary = units.filter((u) => !u.passage.wider);
  const presentWeight = terms.filter((t) => anyUnitHasTerm(ordinary, t)).reduce((sum, t) => sum + weight(t), 0);
  const present = totalWeight === 0 ? 1 : presentWeight / totalWeight;
  // The rarest half of the question's words by weight: what picks this event out of the story.
  const rare = [...terms].sort((a, b) => weight(b) - weight(a)).slice(0, Math.max(1, Math.ceil(terms.length / 2)));
  const rareWeight = rare.reduce((sum, t) => sum + weight(t), 0);
  const byDocument = new Map<string, Unit[]>();
  for (const u of units) byDocument.set(u.passage.documentId, [...(byDocument.get(u.passage.documentId) ?? []), u]);
  const near = (u: Unit) =>
    (byDocument.get(u.passage.documentId) ?? []).filter(
      (n) =>
        n !== u &&
        ((n.passage.id === u.passage.id && Math.abs(n.position - u.position) === 1) ||
          (n.passage.ordinal === u.passage.ordinal - 1 && n.position === lastPosition(byDocument, n)) ||
          (n.passage.ordinal === u.passage.ordinal + 1 &&
            n.position === 0 &&
            u.position === lastPosition(byDocument, u))),
    );
  const topScore = Math.max(1e-9, ...units.map((u) => u.passage.score));
  const bigramPairs = terms.slice(1).map((t, i) => [terms[i] as Term, t] as const);
  const coverageOf = (u: Unit): { here: number; context: number } => {
    const neighbours = near(u);
    let here = 0;
    let context = 0;
    for (const t of terms) {
      const credit = termCredit(u, t);
      here += weight(t) * credit;
      context += weight(t) * (credit > 0 ? credit : neighbours.some((n) => unitHasTerm(n, t)) ? CONTEXT_CREDIT : 0);
    }
    for (const e of places) {
      const credit = entityCredit(u, e);
      here += idf.max * credit;
      context += idf.max * (credit > 0 ? credit : neighbours.some((n) => unitHasEntity(n, e)) ? CONTEXT_CREDIT : 0);
    }
    const total = totalWeight + idf.max * places.length;
    return total === 0 ? { here: 1, context: 1 } : { here: here / total, context: context / total };
  };
  const covered = units.map(coverageOf);
  // Plain coverage: every question word weighs the same, half when no candidate uses it (the asker's wording).
  const absent = new Set(terms.filter((t) => !anyUnitHasTerm(ordinary, t)));
  const plainTotal = terms.reduce((sum, t) => sum + (absent.has(t) ? 0.5 : 1), 0) + places.length;
  const documentCoverage = new Map<string, number>();
  for (const [id, members] of byDocument) {
    let have = 0;
    for (const t of terms) if (members.some((m) => unitHasTerm(m, t))) have += weight(t);
    for (const e of places) if (members.some((m) => unitHasEntity(m, e))) have += idf.max;
    for (const e of people) if (members.some((m) => unitHasEntity(m, e))) have += idf.max;
    const total = totalWeight + idf.max * (places.length + people.length);
    documentCoverage.set(id, total === 0 ? 1 : have / total);
  }
  const ordinaryDocuments = new Set(ordinary.map((u) => u.passage.documentId));
  const bestDocument = Math.max(
    0,
    ...[...documentCoverage].filter(([id]) => ordinaryDocuments.has(id)).map(([, c]) => c),
  );
  const focusAbsent =
    (!!q.focus && !anyUnitHasTerm(ordinary, q.focus)) || (!!q.object && !anyUnitHasTerm(ordinary, q.object));
  const strong = new Set(
    units.filter((u, i) => !u.passage.wider && (covered[i]?.context ?? 0) >= 0.5).map((u) => u.passage.documentId),
  );
  return units.map((u, i) => {
    const { here, context } = covered[i] ?? { here: 0, context: 0 };
    const rareHere = rare.reduce((sum, t) => sum + weight(t) * termCredit(u, t), 0);
    const peopleFound = people.filter((e) => unitHasEntity(u, e)).length;
    const placesFound = places.filter((e) => unitHasEntity(u, e)).length;
    const focused = !!q.focus && unitHasTerm(u, q.focus) && (!q.object || unitHasTerm(u, q.object));
    const lower = u.folded;
    const bigrams = bigramPairs.filter(([a, b]) => adjacent(u, a, b) || lower.includes(`${a.stem} ${b.stem}`)).length;
    const speaker = q.subject;
    const plain = plainCoverage(u, q, near(u), plainTotal, absent);
    const needed = q.type === 'general' ? 0.67 : q.type === 'quote' ? 0.4 : 0.6;
    const typed = satisfiesType(u, q);
    const rule = typed === 1 && (!q.focus || focused) && peopleFound === people.length && plain >= needed - 1e-9;
    const neighbours = near(u);
    const inContext = (t: Term) => termCredit(u, t) > 0 || neighbours.some((n) => unitHasTerm(n, t));
    const missingWeight = Math.max(0, ...terms.filter((t) => !inContext(t)).map(weight));
    const missingName = q.entities.some((e) => !unitHasEntity(u, e) && !neighbours.some((n) => unitHasEntity(n, e)));
    const values: Record<FeatureName, number> = {
      bias: 1,
      coverage: here,
      contextCoverage: context,
      documentCoverage: documentCoverage.get(u.passage.documentId) ?? 0,
      bestDocumentCoverage: bestDocument,
      rareCoverage: rareWeight === 0 ? 1 : rareHere / rareWeight,
      people: people.length === 0 ? 1 : peopleFound / people.length,
      places: places.length === 0 ? 1 : placesFound / places.length,
      typed: q.type !== 'general' ? typed : 0,
      typedQuestion: q.type !== 'general' ? 1 : 0,
      focused: focused ? 1 : 0,
      hasFocus: q.focus ? 1 : 0,
      focusAbsent: focusAbsent ? 1 : 0,
      bigrams: bigramPairs.length === 0 ? 0 : bigrams / bigramPairs.length,
      rank: 1 / (1 + u.rank),
      score: u.passage.score / topScore,
      lead: u.passage.ordinal === 0 && u.position === 0 ? 1 : 0,
      length: Math.log(Math.max(1, u.words.length) / 25),
      present,
      unknownName: q.unknownNames.length > 0 ? 1 : 0,
      corroboration: Math.min(3, [...strong].filter((d) => d !== u.passage.documentId).length) / 3,
      attributed: u.attributed ? 1 : 0,
      speakerMatch:
        q.type === 'quote' && speaker !== null && [...u.speakers].some((s) => sameSpeaker(s, speaker, q.role)) ? 1 : 0,
      ruleAnswers: rule ? 1 : 0,
      otherOutlet: q.outlet && u.passage.document.outlet !== q.outlet ? 1 : 0,
      missingRare: idf.max > 0 ? Math.min(1, missingWeight / idf.max) : 0,
      missingName: missingName ? 1 : 0,
      conversationFocus: ctx.focus.has(u.passage.documentId) ? 1 : 0,
      ...evidenceOf(u, q),
    };
    return { unit: u, x: FEATURES.map((f) => values[f]) };
  });
}

/** Word coverage with uniform weights and context credit, as the rule-based test measured it. */
function plainCoverage(
  u: Unit,
  q: Question,
  neighbours: readonly Unit[],
  total: number,
  absent: ReadonlySet<Term>,
): number {
  if (total === 0) return 1;
  let covered = 0;
  for (const t of q.terms) {
    const credit = termCredit(u, t);
    const w = absent.has(t) ? 0.5 : 1;
    covered += w * (credit > 0 ? credit : neighbours.some((n) => unitHasTerm(n, t)) ? 0.4 : 0);
  }
  for (const e of q.entities.filter((x) => x.kind !== 'person')) {
    const credit = entityCredit(u, e);
    covered += credit > 0 ? credit : neighbours.some((n) => unitHasEntity(n, e)) ? 0.4 : 0;
  }
  return covered / total;
}

const lastPositions = new WeakMap<Unit, number>();

/** The position of the last unit of the unit's passage among the candidates. */
function lastPosition(byDocument: ReadonlyMap<string, Unit[]>, u: Unit): number {
  let value = lastPositions.get(u);
  if (value === undefined) {
    value = Math.max(
      ...(byDocument.get(u.passage.documentId) ?? [])
        .filter((n) => n.passage.id === u.passage.id)
        .map((n) => n.position),
    );
    lastPositions.set(u, value);
  }
  return value;
}

/** Whether two terms occur as neighbouring content words of the unit. */
function adjacent(u: Unit, a: Term, b: Term): boolean {
  const stems = u.words.map((w) => w.stem);
  for (let i = 0; i + 1 < stems.length; i++) {
    if (stems[i] === a.stem && (stems[i + 1] === b.stem || stems[i + 2] === b.stem)) return true;
  }
  return false;
}

/**
 * The features of the verdict: how likely the sentences the engine would show answer the question at all.
 * Read off the best candidate (after the sentence model ranked them) and the question as a whole.
 */
export const VERDICT_FEATURES = [
  'bias',
  /** The sentence model's log-odds for the best candidate. */
  'bestLogit',
  /** How far ahead of the runner-up it is (a clear winner is more often right). */
  'margin',
  'coverage',
  'contextCoverage',
  'documentCoverage',
  'typed',
  'typedQuestion',
  'people',
  'focused',
  'present',
  'unknownName',
  'focusAbsent',
  'rank',
  'rareCoverage',
  'places',
  'missingRare',
  'missingName',
  'corroboration',
] as const;

const at = (name: FeatureName) => FEATURES.indexOf(name);

/** Verdict features from candidates ranked best first, each with its sentence-model log-odds. */
export function verdictFeatures(ranked: readonly { x: readonly number[]; z: number }[]): number[] {
  const best = ranked[0];
  if (!best) return VERDICT_FEATURES.map((f) => (f === 'bias' ? 1 : 0));
  const second = ranked[1]?.z ?? best.z - 5;
  return VERDICT_FEATURES.map((f) => {
    if (f === 'bias') return 1;
    if (f === 'bestLogit') return best.z;
    if (f === 'margin') return Math.min(5, best.z - second);
    return best.x[at(f)] ?? 0;
  });
}
