import type { DraftBlock, EngineDraft } from '../../ports/engine.ts';
import { blockFor } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { headline } from './headline.ts';
import { type RankedCluster, rankClusters } from './rank-claims.ts';
import { cosine, sameClaim } from './similarity.ts';
import type { Unit } from './units.ts';

/** Briefing shape; calibrated on the seeds and the eval set, never per topic. */
export const BRIEFING = {
  maxBlocks: 6,
  /** Claims packed into the blocks (two to a block at most). */
  maxClaims: 10,
  /** Characters of block text, [n] markers included. */
  maxChars: 1200,
  /** Claims are picked by value × novelty / length^lengthPower: information per character. */
  lengthPower: 0.9,
  /** How hard resemblance to a chosen claim pushes a candidate down: (1 − cosine)^noveltyPower. */
  noveltyPower: 2,
  /** Room one "[n]" marker takes. */
  markerChars: 4,
} as const;

interface Claim extends RankedCluster {
  block: DraftBlock;
}

/** Rendered length: text, the bullet and line break ("• ", 3 characters) and the [n] markers. */
const blockLength = (block: DraftBlock) => block.text.length + 1 + block.citations.length * BRIEFING.markerChars;

/**
 * Picks claims greedily by value per character, pushed down by resemblance to the chosen ones,
 * never two that say the same thing, within the budget. The first is from the newest date:
 * a briefing leads with the latest development.
 */
function selectClaims(ctx: EngineContext, ranked: readonly RankedCluster[]): Claim[] {
  const blocks = new Map(ranked.map((r) => [r, blockFor(r.cluster, ctx.lowerWords)]));
  const newest =
    ranked
      .map((r) => r.cluster.rep.passage.document.publishedAt ?? '')
      .sort()
      .at(-1) ?? '';
  const chosen: Claim[] = [];
  const covered = new Set<Unit>();
  let chars = 0;
  while (chosen.length < BRIEFING.maxClaims) {
    let pick: (Claim & { score: number }) | null = null;
    for (const r of ranked) {
      const { cluster } = r;
      if (chosen.length === 0 && (cluster.rep.passage.document.publishedAt ?? '') !== newest) continue;
      if (cluster.members.some((m) => covered.has(m))) continue;
      const block = blocks.get(r) as DraftBlock;
      if (chars + blockLength(block) > BRIEFING.maxChars) continue;
      const similar = Math.max(0, ...chosen.map((c) => cosine(c.cluster.rep, cluster.rep, ctx.idf)));
      const score = (r.value * (1 - similar) ** BRIEFING.noveltyPower) / blockLength(block) ** BRIEFING.lengthPower;
      if (!pick || score > pick.score) pick = { ...r, block, score };
    }
    if (!pick) break;
    chosen.push(pick);
    chars += blockLength(pick.block);
    for (const m of pick.cluster.members) {
      covered.add(m);
      for (const u of ctx.partners(m)) if (sameClaim(m, u, ctx.idf)) covered.add(u);
    }
  }
  return chosen;
}

/** Packs claims into at most maxBlocks blocks, pairing the most related (neighbours in an article first). */
function pack(claims: readonly Claim[], ctx: EngineContext): DraftBlock[] {
  const blocks = claims.map((c) => ({ units: [c.cluster.rep], block: c.block }));
  while (blocks.length > BRIEFING.maxBlocks) {
    let best: { i: number; j: number; score: number } | null = null;
    blocks.forEach((a, i) => {
      blocks.forEach((b, j) => {
        if (j <= i || a.units.length > 1 || b.units.length > 1) return;
        const [ua, ub] = [a.units[0] as Unit, b.units[0] as Unit];
        // Reports from different days are different moments (before and after the talks): never one bullet.
        if (ua.passage.document.publishedAt !== ub.passage.document.publishedAt) return;
        const sameArticle = ua.passage.documentId === ub.passage.documentId;
        const adjacent = sameArticle && Math.abs(ua.passage.ordinal - ub.passage.ordinal) <= 1;
        const score = cosine(ua, ub, ctx.idf) + (adjacent ? 1 : 0);
        if (!best || score > best.score) best = { i, j, score };
      });
    });
    if (!best) break;
    const { i, j } = best as { i: number; j: number };
    const [a, b] = [blocks[i], blocks[j]];
    if (!a || !b) break;
    a.units.push(...b.units);
    a.block = { text: `${a.block.text} ${b.block.text}`, citations: [...a.block.citations, ...b.block.citations] };
    blocks.splice(j, 1);
  }
  return blocks.map((b) => b.block);
}

/**
 * A briefing: the most important claims (support across outlets, salience, recency), one per
 * thing said with every outlet that reports it, no two saying the same thing, within 1,200
 * characters, in at most six blocks. `relevance` scores units against a topic (negative: off it).
 */
export function composeBriefing(
  ctx: EngineContext,
  relevance: (unit: Unit) => number,
  entities: readonly string[],
): EngineDraft {
  const claims = selectClaims(ctx, rankClusters(ctx, relevance));
  if (claims.length === 0) return { engine: 'extractive', status: 'refused', title: 'Nothing to brief on', blocks: [] };
  // The story is what the claims share: the headline comes from the claims most like the others.
  const reps = claims.map((c) => c.cluster.rep);
  const centrality = (unit: Unit) =>
    reps.reduce((sum, rep) => sum + (rep === unit ? 0 : cosine(unit, rep, ctx.idf)), 0);
  const central = [...claims]
    .map((c) => ({ cluster: c.cluster, score: centrality(c.cluster.rep) }))
    .sort((a, b) => b.score - a.score)
    .map((c) => c.cluster);
  return { engine: 'extractive', status: 'answered', title: headline(central, entities), blocks: pack(claims, ctx) };
}
