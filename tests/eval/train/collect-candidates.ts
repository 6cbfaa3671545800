import { FEATURES, VERDICT_FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import type { AnswerModel } from '../../../core/engines/extractive/answer-model.ts';
import type { ScoredCandidate } from '../../../core/engines/extractive/compose-answer.ts';
import { createExtractiveEngine } from '../../../core/engines/extractive/extractive-engine.ts';
import { storyOfChrome, storyOfQuestion } from '../corpus-dev/dev-stories.ts';
import type { CorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { withDevApp } from '../corpus-dev/with-dev-app.ts';
import type { EvalSet } from '../load-eval-set.ts';
import { attacheWithEngine } from '../model-attache.ts';
import { foldForMatch } from '../seed-text.ts';

/**
 * A model that answers nothing: training starts from it rather than from the committed model, so that a fit
 * depends on the code and the labelled data only, not on whichever earlier run produced the committed file.
 */
export function blankAnswerModel(): AnswerModel {
  const zeros = { features: VERDICT_FEATURES, weights: VERDICT_FEATURES.map(() => 0) };
  return {
    features: FEATURES,
    weights: FEATURES.map(() => 0),
    verdict: zeros,
    thresholds: { answered: 1, partial: 1 },
  };
}

/** One asked question with its candidates' features and labels. */
export interface Asked {
  story: string;
  id: string;
  /** Whether the corpus answers it (chrome traps and unanswerable questions: no). */
  answerable: boolean;
  candidates: { x: number[]; positive: boolean; text: string }[];
  question: string;
}

interface Turn {
  id: string;
  question: string;
  /** Phrases an answer must quote; null when the question must be refused. */
  expect: readonly string[] | null;
}

/**
 * Asks every labelled question through the real pipeline (retrieval, follow-up resolution, the extractive
 * engine) on the seeds plus the development corpus, recording each candidate sentence's features and whether
 * it quotes an expected phrase. Conversations are kept per follow-up chain, as a user would have them; `model`
 * writes the earlier replies that later turns follow up on.
 */
export async function collectCandidates(dev: CorpusDev, seedsSet: EvalSet, model: AnswerModel): Promise<Asked[]> {
  return withDevApp(dev, async (app) => {
    let captured: ScoredCandidate[] = [];
    const engine = createExtractiveEngine({
      model,
      observe: (_q, candidates) => (captured = [...candidates]),
    });
    const attache = attacheWithEngine(app, engine);
    const out: Asked[] = [];
    const askChain = async (story: string, chain: string, turns: readonly Turn[]) => {
      for (const turn of turns) {
        captured = [];
        await attache.ask({ question: turn.question, conversation: `console:train-${chain}` });
        const expect = (turn.expect ?? []).map(foldForMatch);
        out.push({
          story,
          id: turn.id,
          answerable: turn.expect !== null,
          question: turn.question,
          candidates: captured.map((c) => ({
            x: c.x,
            text: c.unit.text,
            positive: expect.some((e) => foldForMatch(c.unit.text).includes(e)),
          })),
        });
      }
    };
    const storyOf = storyOfQuestion(dev);
    const q = dev.questions;
    for (const a of q.answerable)
      await askChain(storyOf(a.question, a.support), a.id, [
        { id: a.id, question: a.question, expect: a.must_cite_any },
      ]);
    for (const u of q.unanswerable)
      await askChain(storyOf(u.question), u.id, [{ id: u.id, question: u.question, expect: null }]);
    for (const t of q.chrome_traps)
      await askChain(storyOfChrome(dev, t.chrome_phrase), t.id, [{ id: t.id, question: t.question, expect: null }]);
    for (const c of q.followups) {
      const first = c.turns[0];
      const turns = c.turns.map((t, i) => ({ id: `${c.id}#${i + 1}`, question: t.question, expect: t.must_cite_any }));
      await askChain(storyOf(first?.question ?? '', first?.support), c.id, turns);
    }
    for (const a of seedsSet.answerable) await askChain('seeds', a.id, [{ id: a.id, question: a.q, expect: a.expect }]);
    for (const u of seedsSet.unanswerable) await askChain('seeds', u.id, [{ id: u.id, question: u.q, expect: null }]);
    for (const t of seedsSet.chrome) await askChain('seeds', t.id, [{ id: t.id, question: t.q, expect: null }]);
    for (const c of seedsSet.followups) {
      const turns = c.turns.map((t, i) => ({
        id: `${c.id}#${i + 1}`,
        question: t.q,
        expect: t.refuse ? null : (t.expect ?? []),
      }));
      await askChain('seeds', c.id, turns);
    }
    return out;
  });
}
