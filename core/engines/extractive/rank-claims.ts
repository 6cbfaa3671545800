import { briefingFeatures, briefingStats } from './briefing-features.ts';
import { type BriefingModel, factProbability } from './briefing-model.ts';
import { type Cluster, clusterAround, selfContained, support } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { cosine, sameFact } from './similarity.ts';
import type { Unit } from './units.ts';

/** Weights of a claim's hand-set value (briefings without a story); calibrated on the seeds and the eval set, never per topic. */
export const CLAIM_VALUE = {
  /** Per doubling of the outlets reporting the claim itself. */
  supportWeight: 0.6,
  salienceWeight: 0.5,
  /** Of the share of other outlets discussing the subject, even in other words. */
  topicWeight: 4,
  /** Cosine from which another outlet's sentence counts as discussing the same subject. */
  topicSimilarity: 0.2,
  recencyWeight: 0,
  ledeWeight: 1,
  /** Subtracted from a unit that leans on an earlier sentence ("He said …"). */
  danglingPenalty: 0.5,
  /** Longest sentence worth a bullet. */
  maxUnitChars: 320,
  /** Shortest: a shorter one is a fragment or page furniture ("Friday is pasta day."). */
  minUnitChars: 50,
} as const;

const DAY_MS = 86_400_000;

export interface RankedCluster {
  cluster: Cluster;
  /** The claim's features for the briefing model (BRIEFING_FEATURES order); empty without a model. */
  x: number[];
  value: number;
}

/** For each stem, how many documents use it: what several outlets talk about is the story. */
function documentFrequencies(ctx: EngineContext): Map<string, number> {
  const docsOf = new Map<string, Set<string>>();
  for (const u of ctx.units) {
    for (const s of u.stems) docsOf.set(s, (docsOf.get(s) ?? new Set()).add(u.passage.documentId));
  }
  return new Map([...docsOf].map(([s, d]) => [s, d.size]));
}

/**
 * How much a unit is worth as a claim before corroboration: salient (its words are ones several
 * outlets use, weighted by how specific they are), its subject discussed by other outlets,
 * recent, early in its article, self-contained.
 */
function baseValue(unit: Unit, ctx: EngineContext, df: Map<string, number>, docs: number): number {
  let salience = 0;
  for (const s of unit.stems) salience += (((df.get(s) ?? 1) - 1) / Math.max(1, docs - 1)) * ctx.idf.weight(s);
  salience /= Math.sqrt(Math.max(1, unit.stems.size)) * 4;
  const echoed = new Set<string>();
  for (const u of ctx.partners(unit)) {
    if (u.passage.documentId !== unit.passage.documentId && cosine(unit, u, ctx.idf) >= CLAIM_VALUE.topicSimilarity) {
      echoed.add(u.passage.documentId);
    }
  }
  salience += CLAIM_VALUE.topicWeight * (echoed.size / Math.max(1, docs - 1));
  const date = unit.passage.document.publishedAt;
  const age =
    date && ctx.newest ? Math.abs(Date.parse(date) - Date.parse(ctx.newest)) / DAY_MS : Number.POSITIVE_INFINITY;
  const recency = Math.max(0, 1 - age / 7);
  const lede = Math.max(0, 1 - unit.passage.ordinal / 3);
  const value =
    CLAIM_VALUE.salienceWeight * salience + CLAIM_VALUE.recencyWeight * recency + CLAIM_VALUE.ledeWeight * lede;
  return selfContained(unit) ? value : value - CLAIM_VALUE.danglingPenalty;
}

/**
 * Every eligible unit as a claim (with the other outlets saying the same) and its value, best first.
 * `relevance` scores a unit against the topic; a negative one excludes it. With a `model` (a briefing
 * on a story), the value is how likely the claim states a key fact of the story, learned from labelled
 * story briefings; without (the latest news, one subject), the hand-set value below: support, salience,
 * lead position and relevance.
 */
export function rankClusters(
  ctx: EngineContext,
  relevance: (unit: Unit) => number,
  model?: BriefingModel,
): RankedCluster[] {
  const docs = new Set(ctx.units.map((u) => u.passage.documentId)).size;
  const df = documentFrequencies(ctx);
  const stats = briefingStats(ctx, df, docs);
  return ctx.units
    .filter(
      (u) =>
        u.text.length <= CLAIM_VALUE.maxUnitChars &&
        u.text.length >= CLAIM_VALUE.minUnitChars &&
        !/[?…:]\s*$|\.\.\.\s*$/.test(u.text) &&
        relevance(u) >= 0,
    )
    .map((u) => {
      const cluster = clusterAround(u, ctx.partners(u), ctx.idf, sameFact);
      // Features only for the model that reads them: a briefing without a story does not pay for them.
      const x = model ? briefingFeatures(cluster, relevance(u), ctx, stats) : [];
      if (model) return { cluster, x, value: factProbability(model, x) };
      const corroboration = CLAIM_VALUE.supportWeight * Math.log2(support(cluster));
      return { cluster, x, value: baseValue(u, ctx, df, docs) + relevance(u) + corroboration };
    })
    .sort((a, b) => b.value - a.value || a.cluster.rep.index - b.cluster.rep.index);
}
