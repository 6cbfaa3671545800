import type { App } from '../../../bot/app.ts';
import type { AttacheApi } from '../../../core/api.ts';
import { BRIEFING_FEATURES } from '../../../core/engines/extractive/briefing-features.ts';
import { createExtractiveEngine } from '../../../core/engines/extractive/extractive-engine.ts';
import type { RankedCluster } from '../../../core/engines/extractive/rank-claims.ts';
import { storyOfQuestion } from '../corpus-dev/dev-stories.ts';
import type { CorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { withDevApp } from '../corpus-dev/with-dev-app.ts';
import { attacheWithEngine } from '../model-attache.ts';
import { foldForMatch } from '../seed-text.ts';

/** One labelled briefing: every candidate claim's features and the key facts its sentence states. */
export interface BriefedStory {
  /** corpus-dev story name. */
  story: string;
  facts: number;
  candidates: { x: number[]; facts: number[]; text: string; chars: number; document: string; ordinal: number }[];
}

type Facts = readonly (readonly string[])[];

/** Briefs `topic` through the real pipeline, recording the engine's candidate claims. */
async function observeBriefing(
  app: App,
  story: string,
  topic: string | undefined,
  facts: Facts,
): Promise<BriefedStory> {
  let seen: readonly RankedCluster[] = [];
  // Any model of this build's features will do (only the candidates are recorded): a committed model fitted on
  // other features must not stop its own refit.
  const blank = { features: BRIEFING_FEATURES, weights: BRIEFING_FEATURES.map(() => 0) };
  const engine = createExtractiveEngine({ briefingModel: blank, observeBriefing: (c) => (seen = c) });
  const attache: AttacheApi = attacheWithEngine(app, engine);
  await attache.brief({ conversation: `console:train-brief-${story}`, ...(topic ? { topic } : {}) });
  const phrases = facts.map((alternatives) => alternatives.map(foldForMatch));
  return {
    story,
    facts: facts.length,
    // A bullet states what its sentence says and cites the other outlets saying the same: a fact any of them
    // quotes is one the bullet gives (as the evaluation counts it).
    candidates: seen.map((r) => {
      const text = r.cluster.members.map((m) => foldForMatch(m.text)).join('\n');
      return {
        x: r.x,
        text: r.cluster.rep.text,
        chars: r.cluster.rep.text.length,
        document: r.cluster.rep.passage.documentId,
        ordinal: r.cluster.rep.passage.ordinal,
        facts: phrases.flatMap((alts, i) => (alts.some((p) => text.includes(p)) ? [i] : [])),
      };
    }),
  };
}

/**
 * One briefing per corpus-dev story (the seeds' own briefings are on the latest news or on one subject, which
 * the model does not value), with its candidates.
 */
export async function collectBriefings(dev: CorpusDev): Promise<BriefedStory[]> {
  const out: BriefedStory[] = [];
  const story = storyOfQuestion(dev);
  await withDevApp(dev, async (devApp) => {
    for (const b of dev.questions.briefings) {
      const name = story(
        b.topic,
        undefined,
        b.facts.flatMap((f) => f.must_cite_any),
      );
      out.push(
        await observeBriefing(
          devApp,
          name,
          b.topic,
          b.facts.map((f) => f.must_cite_any),
        ),
      );
    }
  });
  return out;
}
