import type { EngineDraft } from '../../ports/engine.ts';
import { satisfiesType } from './answer-types.ts';
import { blockFor, clusterAround } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { missingNote } from './missing-note.ts';
import { analyzeQuestion, type Question } from './question.ts';
import { sameClaim } from './similarity.ts';
import { anyUnitHasTerm, entityCredit, type Term, termCredit, unitHasEntity, unitHasTerm } from './term-match.ts';
import type { Unit } from './units.ts';

/** Thresholds, calibrated on the eval set (tests/eval) as a whole, never per question. */
export const ANSWER = {
  /** Share of the question's term weight the sources must contain at all, else nothing supports it. */
  presentShare: 0.5,
  /** Term coverage a typed answer (who, when, where, how many…) needs. */
  typedCoverage: 0.6,
  /** Term coverage an untyped answer (what, why, yes/no) needs. */
  generalCoverage: 0.67,
  /** Term coverage a "what did X say" answer needs when X is the speaker. */
  quoteCoverage: 0.4,
  /** Coverage below which the closest material is not worth showing as partial. */
  partialCoverage: 0.34,
  /** Extra answer sentences must score at least this share of the best one. */
  extraShare: 0.85,
  maxBlocks: 3,
  /** Weight of a question word that no retrieved passage contains. */
  absentWeight: 0.5,
} as const;

export interface Scored {
  unit: Unit;
  coverage: number;
  entities: number;
  typed: boolean;
  /** The question's main verb (if it has one) is said here or right next to it. */
  focused: boolean;
  score: number;
}

/** Credit for a term found only next to the unit (same or adjacent passage of the document). */
const CONTEXT_CREDIT = 0.4;

function score(unit: Unit, q: Question, neighbours: readonly Unit[]): Scored {
  // People are what a question is about; places and organisations weigh like words.
  const places = q.entities.filter((e) => e.kind !== 'person');
  const people = q.entities.filter((e) => e.kind === 'person');
  const total = q.terms.reduce((sum, t) => sum + t.weight, 0) + places.length;
  let covered = 0;
  for (const t of q.terms) {
    const here = termCredit(unit, t);
    covered += t.weight * (here > 0 ? here : neighbours.some((n) => unitHasTerm(n, t)) ? CONTEXT_CREDIT : 0);
  }
  for (const e of places) {
    const here = entityCredit(unit, e);
    covered += here > 0 ? here : neighbours.some((n) => unitHasEntity(n, e)) ? CONTEXT_CREDIT : 0;
  }
  const coverage = total === 0 ? 1 : covered / total;
  const found = people.filter((e) => unitHasEntity(unit, e)).length;
  const entities = people.length === 0 ? 1 : found / people.length;
  const typed = satisfiesType(unit, q);
  const focus = q.focus;
  const focused = (!focus || unitHasTerm(unit, focus)) && (!q.object || unitHasTerm(unit, q.object));
  const fromOutlet = !q.outlet || unit.passage.document.outlet === q.outlet;
  const value =
    coverage +
    0.5 * entities +
    (typed ? 0.6 : 0) +
    (focused ? 0.3 : 0) +
    (fromOutlet ? 0 : -1) +
    0.05 / (1 + unit.rank) -
    unit.text.length / 5000;
  return { unit, coverage, entities, typed, focused: focused && fromOutlet, score: value };
}

/**
 * Units by how well they answer the question, best first. A question word no passage uses is the
 * asker's wording rather than something the sources could state, so it weighs less.
 */
export function rankUnits(units: readonly Unit[], q: Question): Scored[] {
  const weight = (t: Term) => t.weight * (anyUnitHasTerm(units, t) ? 1 : ANSWER.absentWeight);
  const weighted = { ...q, terms: q.terms.map((t) => ({ ...t, weight: weight(t) })) };
  const byDocument = new Map<string, Unit[]>();
  for (const u of units) byDocument.set(u.passage.documentId, [...(byDocument.get(u.passage.documentId) ?? []), u]);
  const near = (u: Unit) =>
    (byDocument.get(u.passage.documentId) ?? []).filter(
      (n) => n !== u && Math.abs(n.passage.ordinal - u.passage.ordinal) <= 1,
    );
  return units.map((u) => score(u, weighted, near(u))).sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
}

/** A draft with nothing to show: the title and why. */
export const refused = (title: string, note: string): EngineDraft => ({
  engine: 'extractive',
  status: 'refused',
  title,
  blocks: [],
  note,
});

/** An answer: the one to three sentences that answer the question, or a partial or refused draft. */
export function composeAnswer(ctx: EngineContext, question: string, title: string): EngineDraft {
  const { units, lexicon, idf } = ctx;
  const q = analyzeQuestion(question, lexicon, units);
  // The names are not repeated: they may be page chrome or markup the reader should not see echoed.
  if (q.unknownNames.length > 0) return refused(title, 'The sources do not mention what this question is about.');
  const total = q.terms.reduce((sum, t) => sum + t.weight, 0);
  const present = q.terms.filter((t) => anyUnitHasTerm(units, t)).reduce((sum, t) => sum + t.weight, 0);
  const named = q.entities.map((e) => e.name);
  if ((total === 0 && q.entities.length === 0) || (total > 0 && present / total < ANSWER.presentShare)) {
    const about = named.length > 0 ? `The sources mention ${named.join(' and ')} but` : 'The sources';
    return refused(title, `${about} say nothing that answers this question.`);
  }
  const scored = rankUnits(units, q);
  const needed =
    q.type === 'general' ? ANSWER.generalCoverage : q.type === 'quote' ? ANSWER.quoteCoverage : ANSWER.typedCoverage;
  const answers = (s: Scored) => s.typed && s.focused && s.entities === 1 && s.coverage >= needed - 1e-9;
  const best = scored.find(answers) ?? scored[0];
  if (!best || (!answers(best) && best.coverage < ANSWER.partialCoverage && best.entities < 1)) {
    return refused(title, 'The sources say nothing that answers this question.');
  }
  if (!answers(best)) {
    const cluster = clusterAround(best.unit, ctx.partners(best.unit), idf);
    return {
      engine: 'extractive',
      status: 'partial',
      title,
      blocks: [blockFor(cluster, ctx.lowerWords, 'rep')],
      note: missingNote(question, q, best.unit),
    };
  }
  const chosen: Unit[] = [];
  for (const s of scored) {
    if (chosen.length >= ANSWER.maxBlocks) break;
    if (!answers(s) || s.score < best.score * ANSWER.extraShare) continue;
    if (chosen.some((c) => sameClaim(c, s.unit, idf) || c.passage.id === s.unit.passage.id)) continue;
    chosen.push(s.unit);
  }
  const clusters = chosen.map((u) => clusterAround(u, ctx.partners(u), idf));
  return {
    engine: 'extractive',
    status: 'answered',
    title,
    blocks: clusters.map((c) => blockFor(c, ctx.lowerWords, 'rep')),
  };
}
