import type { DraftBlock, EngineDraft } from '../../ports/engine.ts';
import { eventDay } from './briefing-events.ts';
import type { BriefingModel } from './briefing-model.ts';
import { blockFor, complete, selfContained } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { storyTitle } from './headline.ts';
import { type RankedCluster, rankClusters } from './rank-claims.ts';
import { cosine, sameFact } from './similarity.ts';
import type { Unit } from './units.ts';

/** Briefing shape; calibrated on the seeds and the fitting stories of corpus-dev, never per topic. */
export const BRIEFING = {
  minBlocks: 3,
  maxBlocks: 6,
  /** Characters of block text, [n] markers included. */
  maxChars: 1200,
  /** A claim's score is (fact probability + coverageWeight × new story words) / length^lengthPower. */
  selfContained: false,
  lengthPower: 0.5,
  coverageWeight: 0.1,
  /** Subtracted per unit of cosine to the most similar bullet already chosen (a briefing does not repeat itself). */
  redundancyWeight: 0,
  /** A word used in more than this share of the sentences says nothing in particular ("talks"). */
  commonShare: 0.25,
  /** Room one "[n]" marker takes. */
  markerChars: 4,
} as const;

/** Sees every candidate claim of a briefing with its features (for fitting the briefing model). */
export type BriefingObserver = (candidates: readonly RankedCluster[]) => void;

/** How the selection trades a claim's value against its length, the story words it adds and repeating a bullet. */
interface SelectionWeights {
  /** Most bullets, and characters of bullet text ([n] markers included). */
  maxBlocks: number;
  maxChars: number;
  /**
   * The last bullet waits for the newest report when none has it yet: the latest news leads a digest, while a
   * story that ran for months is told by its key facts, whichever day they fell on.
   */
  newestBullet: boolean;
  /**
   * Only sentences that read on their own ("He said…", "But…" do not): the hand-set value penalises them, the
   * learned one does not know a reader must tell who "he" is.
   */
  selfContained: boolean;
  lengthPower: number;
  coverageWeight: number;
  redundancyWeight: number;
}

/** Selection for a briefing on the latest news or one subject (hand-set values, no model). */
const DIGEST_BRIEFING: SelectionWeights = {
  maxBlocks: BRIEFING.maxBlocks,
  maxChars: BRIEFING.maxChars,
  newestBullet: true,
  selfContained: BRIEFING.selfContained,
  lengthPower: BRIEFING.lengthPower,
  coverageWeight: BRIEFING.coverageWeight,
  redundancyWeight: BRIEFING.redundancyWeight,
};

/**
 * Selection for a story briefing, whose values are fact probabilities (0–1) from the briefing model: chosen on
 * the briefing fit stories of corpus-dev (tests/eval/briefing-eval.ts), never per topic.
 */
export const STORY_BRIEFING: SelectionWeights = {
  // A story of several turns needs more than a digest's six bullets to be told. Chosen on the briefing fit stories
  // (measured with the repetition rules of selectClaims): up to ten bullets within 1,450 characters, a long
  // sentence paying more for its length (power 0.75), tell more key facts than eight within 1,600 at power 0.5, in
  // about as many characters: a story's facts are told as well by its short sentences as by its long ones.
  maxBlocks: 10,
  maxChars: 1450,
  newestBullet: false,
  selfContained: true,
  lengthPower: 0.75,
  // The model already values what several outlets report; adding the story words it states only dilutes that.
  coverageWeight: 0,
  redundancyWeight: 1,
};

interface Claim extends RankedCluster {
  block: DraftBlock;
}

/**
 * "This" standing for an earlier sentence, as the object of a verb or a clause ("Musa stated this during an
 * interview", "made this known on Thursday", "Failing this, …"): the sentence cannot be read on its own.
 */
const THIS_AS_PRONOUN = /\bthis\s*(?:[,.;:]|\b(?:while|during|when|on|in|at|after|before|known|clear|through)\b)/i;

/** Whether a sentence leans on the one before through a bare "this" (clusters.ts knows the other openings). */
export function leansBack(unit: Unit): boolean {
  return THIS_AS_PRONOUN.test(unit.text);
}

/** Rendered length: text, the bullet and line break, and the [n] markers. */
const blockLength = (block: DraftBlock) => block.text.length + 1 + block.citations.length * BRIEFING.markerChars;

/**
 * The story's words and what each is worth: a word written in lower case somewhere (what is said
 * about the actors, not their names), used by at least two documents and by at most a quarter of
 * the sentences, weighted by how many other documents use it and how specific it is.
 */
function storyWords(ctx: EngineContext): Map<string, number> {
  const plain = new Set<string>();
  const docsOf = new Map<string, Set<string>>();
  const sentences = new Map<string, number>();
  for (const u of ctx.units) {
    for (const w of u.words) if (/^\p{Ll}/u.test(w.text)) plain.add(w.stem);
    for (const s of u.stems) {
      docsOf.set(s, (docsOf.get(s) ?? new Set()).add(u.passage.documentId));
      sentences.set(s, (sentences.get(s) ?? 0) + 1);
    }
  }
  const common = ctx.units.length * BRIEFING.commonShare;
  const weights = new Map<string, number>();
  for (const [s, docs] of docsOf) {
    if (docs.size < 2 || !plain.has(s) || (sentences.get(s) ?? 0) > common) continue;
    weights.set(s, (docs.size - 1) * ctx.idf.weight(s));
  }
  return weights;
}

/**
 * Picks one sentence per bullet, greedily by what it adds per character: its value (support,
 * salience, recency) plus the story words it states that no chosen bullet has stated yet, so the
 * bullets cover distinct facts and a sentence stating two of them beats one stating one. Never
 * two that say the same thing; within the budget; one from the newest report.
 */
function selectClaims(ctx: EngineContext, ranked: readonly RankedCluster[], weights: SelectionWeights): Claim[] {
  const { maxBlocks, maxChars } = weights;
  const blocks = new Map(ranked.map((r) => [r, blockFor(r.cluster, ctx.lowerWords, 'rep')]));
  const words = storyWords(ctx);
  const said = new Set<string>();
  const news = (unit: Unit) => {
    let gain = 0;
    for (const s of unit.stems) if (!said.has(s)) gain += words.get(s) ?? 0;
    return gain;
  };
  const chosen: Claim[] = [];
  const covered = new Set<Unit>();
  let chars = 0;
  // The newest report among the eligible sentences (a topic's newest may be another story's).
  const newest = ranked.reduce((d, r) => {
    const date = r.cluster.rep.passage.document.publishedAt ?? '';
    return date > d ? date : d;
  }, '');
  const isNewest = (unit: Unit) => (unit.passage.document.publishedAt ?? '') === newest;
  const mustBeNewest = () =>
    weights.newestBullet && chosen.length === maxBlocks - 1 && !chosen.some((c) => isNewest(c.cluster.rep));
  const echoes = new Map<RankedCluster, { max: number; upTo: number }>();
  while (chosen.length < maxBlocks) {
    let pick: (Claim & { score: number }) | null = null;
    for (const r of ranked) {
      const { cluster } = r;
      if (cluster.members.some((m) => covered.has(m))) continue;
      if (weights.selfContained && !(selfContained(cluster.rep) && complete(cluster.rep) && !leansBack(cluster.rep))) {
        continue;
      }
      // The latest development is always in: the last bullet waits for the newest report if none has it yet.
      if (mustBeNewest() && !isNewest(cluster.rep)) continue;
      const block = blocks.get(r) as DraftBlock;
      if (chars + blockLength(block) > maxChars) continue;
      const gain = weights.coverageWeight * news(cluster.rep);
      // A bullet repeats a chosen one when it says what any sentence that bullet cites says, not only its own.
      // The most it repeats is kept per candidate and only the bullets chosen since it was last weighed are
      // compared, so each pair of sentences is compared once per briefing, not once per bullet.
      let echo = 0;
      if (weights.redundancyWeight > 0) {
        const known = echoes.get(r) ?? { max: 0, upTo: 0 };
        for (; known.upTo < chosen.length; known.upTo++) {
          for (const m of (chosen[known.upTo] as Claim).cluster.members)
            known.max = Math.max(known.max, cosine(m, cluster.rep, ctx.idf));
        }
        echoes.set(r, known);
        echo = known.max;
      }
      const score = (r.value + gain - weights.redundancyWeight * echo) / blockLength(block) ** weights.lengthPower;
      if (!pick || score > pick.score) pick = { ...r, block, score };
    }
    if (!pick) break;
    chosen.push(pick);
    chars += blockLength(pick.block);
    for (const s of pick.cluster.rep.stems) said.add(s);
    // What the bullet told: its own sentence, the other outlets' sentences it cites, and any sentence reporting the
    // same fact as its own. Not what reports the same fact as a cited sentence: "the same fact" is loose enough
    // (same day, two shared specifics) that a second step reaches the story's other facts of that day.
    for (const m of pick.cluster.members) covered.add(m);
    for (const u of ctx.partners(pick.cluster.rep)) if (sameFact(pick.cluster.rep, u, ctx.idf)) covered.add(u);
  }
  return chosen;
}

/** Newest report first (a briefing leads with the latest development), then in the order chosen. */
function byDate(claims: readonly Claim[]): Claim[] {
  const date = (c: Claim) => c.cluster.rep.passage.document.publishedAt ?? '';
  return claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => date(b.c).localeCompare(date(a.c)) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * A story in the order it happened: by the day each bullet's event fell on (eventDay), the order chosen within a
 * day; bullets whose day is unknown (background, undated reports) come last, in the order chosen.
 */
function byEventDay(claims: readonly Claim[]): Claim[] {
  const day = (c: Claim) => eventDay(c.cluster.rep) ?? '\uffff';
  return claims
    .map((c, i) => ({ c, i, d: day(c) }))
    .sort((a, b) => a.d.localeCompare(b.d) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * A briefing a person reads in one glance: at most six bullets within 1,200 characters, each one
 * sentence of the sources (one claim about one moment) citing every outlet that reports the same
 * thing, chosen to cover the most distinct facts of the story, under a title that names the story.
 * `relevance` scores units against a topic (negative: off it).
 */
export function composeBriefing(
  ctx: EngineContext,
  relevance: (unit: Unit) => number,
  entities: readonly string[],
  story?: { model: BriefingModel; observe?: BriefingObserver | undefined },
): EngineDraft {
  const ranked = rankClusters(ctx, relevance, story?.model);
  story?.observe?.(ranked);
  const claims = story
    ? byEventDay(selectClaims(ctx, ranked, STORY_BRIEFING))
    : byDate(selectClaims(ctx, ranked, DIGEST_BRIEFING));
  if (claims.length === 0) return { engine: 'extractive', status: 'refused', title: 'Nothing to brief on', blocks: [] };
  return {
    engine: 'extractive',
    status: 'answered',
    title: storyTitle(
      ctx,
      claims.map((c) => c.cluster.rep),
      entities,
    ),
    blocks: claims.map((c) => c.block),
  };
}
