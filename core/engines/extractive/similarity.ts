import type { Unit } from './units.ts';

/** Inverse document frequency of stems over the units of one request. */
export interface Idf {
  weight(stem: string): number;
  /** Weight of a stem no unit contains (the rarest possible). */
  readonly max: number;
}

export function buildIdf(units: readonly Unit[]): Idf {
  const df = new Map<string, number>();
  for (const u of units) for (const s of u.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const n = Math.max(1, units.length);
  const max = Math.log(1 + n);
  const weights = new Map([...df].map(([s, count]) => [s, Math.log(1 + n / (1 + count))]));
  return { weight: (s) => weights.get(s) ?? max, max };
}

const norms = new WeakMap<Idf, WeakMap<Unit, number>>();

function norm(u: Unit, idf: Idf): number {
  let byUnit = norms.get(idf);
  if (!byUnit) {
    byUnit = new WeakMap();
    norms.set(idf, byUnit);
  }
  let value = byUnit.get(u);
  if (value === undefined) {
    let sum = 0;
    for (const s of u.stems) sum += idf.weight(s) ** 2;
    value = Math.sqrt(sum);
    byUnit.set(u, value);
  }
  return value;
}

/** Pairwise results per idf (one request), keyed by the units' indexes: briefings compare every pair. */
const memo = new WeakMap<Idf, Map<number, number>>();

function remembered(kind: number, a: Unit, b: Unit, idf: Idf, compute: () => number): number {
  let byPair = memo.get(idf);
  if (!byPair) {
    byPair = new Map();
    memo.set(idf, byPair);
  }
  const [lo, hi] = a.index <= b.index ? [a.index, b.index] : [b.index, a.index];
  const key = (lo * 65_536 + hi) * 4 + kind;
  let value = byPair.get(key);
  if (value === undefined) {
    value = compute();
    byPair.set(key, value);
  }
  return value;
}

/** Cosine similarity of two units over idf-weighted content stems. */
export function cosine(a: Unit, b: Unit, idf: Idf): number {
  return remembered(0, a, b, idf, () => computeCosine(a, b, idf));
}

function computeCosine(a: Unit, b: Unit, idf: Idf): number {
  let shared = 0;
  const [small, large] = a.stems.size <= b.stems.size ? [a.stems, b.stems] : [b.stems, a.stems];
  for (const s of small) if (large.has(s)) shared += idf.weight(s) ** 2;
  const denominator = norm(a, idf) * norm(b, idf);
  return denominator === 0 ? 0 : shared / denominator;
}

/** Share of the smaller unit's idf weight that the other unit also has (1 = contained). */
export function overlap(a: Unit, b: Unit, idf: Idf): number {
  return remembered(1, a, b, idf, () => computeOverlap(a, b, idf));
}

const weightSums = new WeakMap<Idf, WeakMap<Unit, number>>();

/** The idf weight of a unit's stems, summed in their order: computed once per unit, not once per pair. */
function weightSum(u: Unit, idf: Idf): number {
  let byUnit = weightSums.get(idf);
  if (!byUnit) {
    byUnit = new WeakMap();
    weightSums.set(idf, byUnit);
  }
  let value = byUnit.get(u);
  if (value === undefined) {
    value = 0;
    for (const s of u.stems) value += idf.weight(s);
    byUnit.set(u, value);
  }
  return value;
}

function computeOverlap(a: Unit, b: Unit, idf: Idf): number {
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += idf.weight(s);
  const smaller = Math.min(weightSum(a, idf), weightSum(b, idf));
  return smaller === 0 ? 0 : shared / smaller;
}

/** Whether two units carry the same quotation (at least four words of one inside the other). */
export function shareQuote(a: Unit, b: Unit): boolean {
  return a.quotes.some((qa) => b.quotes.some((qb) => qa.includes(qb) || qb.includes(qa)));
}

/** Thresholds for "says the same thing"; calibrated on the seed corpus and the eval set. */
export const SAME_CLAIM = {
  overlap: 0.6,
  cosine: 0.38,
  /** Same speaker, same rare word: the sentences must still be this related. */
  relatedCosine: 0.15,
  /** A word is rare when its idf is at least this share of the highest possible. */
  rareShare: 0.6,
} as const;

/** Whether the same person speaks in both and both use the same rare word ("Blinken … breakthroughs"). */
function sameSpeakerSameWord(a: Unit, b: Unit, idf: Idf): boolean {
  const speakers = [...a.speakers].filter((e) => e.kind === 'person' && b.speakers.has(e));
  if (speakers.length === 0) return false;
  const names = new Set(speakers.flatMap((e) => [...e.forms].flatMap((f) => f.split(' '))));
  for (const s of a.stems) {
    if (b.stems.has(s) && !names.has(s) && idf.weight(s) >= idf.max * SAME_CLAIM.rareShare) return true;
  }
  return false;
}

/**
 * Whether two units say the same thing: the same quotation, mostly the same content words, or
 * the same speaker using the same rare word in related sentences.
 */
export function sameClaim(a: Unit, b: Unit, idf: Idf): boolean {
  return remembered(2, a, b, idf, () => (computeSameClaim(a, b, idf) ? 1 : 0)) === 1;
}

function computeSameClaim(a: Unit, b: Unit, idf: Idf): boolean {
  if (shareQuote(a, b)) return true;
  const cos = cosine(a, b, idf);
  if (overlap(a, b, idf) >= SAME_CLAIM.overlap && cos >= SAME_CLAIM.cosine) return true;
  return cos >= SAME_CLAIM.relatedCosine && sameSpeakerSameWord(a, b, idf);
}

/** Thresholds for "reports the same fact" in a briefing; fitted on the briefing fit stories of corpus-dev. */
export const SAME_FACT = {
  cosine: 0.2,
  /** Specific words both must share: numbers, or words rare in the request. */
  specific: 2,
} as const;

/**
 * Whether two sentences of different outlets report the same fact in their own words: the same
 * claim, or, reported the same day, related (`SAME_FACT.cosine`) and sharing its specifics, the numbers and rare words a fact is told by
 * ("a minimum flow of 2,700 cubic hectometres" and "2,700 cubic hectometres of water yearly").
 */
export function sameFact(a: Unit, b: Unit, idf: Idf): boolean {
  if (sameClaim(a, b, idf)) return true;
  // Reports of different days are different moments (before and after the talks), whatever words they share;
  // an undated report may be of either day.
  const [da, db] = [a.passage.document.publishedAt, b.passage.document.publishedAt];
  if (da && db && da !== db) return false;
  if (cosine(a, b, idf) < SAME_FACT.cosine) return false;
  let shared = 0;
  for (const s of a.stems) {
    if (b.stems.has(s) && (/\d/.test(s) || idf.weight(s) >= idf.max * SAME_CLAIM.rareShare)) shared++;
  }
  return shared >= SAME_FACT.specific;
}
