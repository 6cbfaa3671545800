import { beforeAll, describe, expect, it } from 'vitest';
import type { DevReport } from './corpus-dev/evaluate-corpus-dev.ts';
import { loadCorpusDev } from './corpus-dev/load-corpus-dev.ts';
import { runCorpusDevEvaluation } from './corpus-dev/run-corpus-dev.ts';
import { type EvalReport, runEvaluation } from './evaluate.ts';
import { loadFoldModels } from './model-attache.ts';
import { HELD_OUT_FLOORS, TARGETS } from './targets.ts';

// Quality floors, so quality cannot silently drop. Answer and refusal floors are on held-out figures: each
// story answered by a model fitted without it (tests/eval/data/answer-model-folds.json, from `npm run train`),
// never on a set the model was fitted to. No latency here: timings belong to `npm run bench` and `npm run eval -- --check`.
let shipped: EvalReport;
let seedsFold: EvalReport;
let devFolds: DevReport;

const failuresOf = (report: EvalReport, ...sections: string[]) =>
  report.failures.filter((f) => sections.includes(f.section)).map((f) => `${f.id} (${f.status}): ${f.detail}`);

describe('evaluation floors (extractive engine)', () => {
  beforeAll(async () => {
    const folds = loadFoldModels();
    const seedsModel = folds.get('seeds');
    if (!seedsModel) throw new Error('answer-model-folds.json has no seeds fold: run `npm run train`');
    const dev = loadCorpusDev();
    if (!dev) throw new Error('../shared/corpus-dev is missing: the held-out floors need it (set CORPUS_DEV_DIR)');
    shipped = await runEvaluation({ engine: 'extractive' });
    seedsFold = await runEvaluation({ model: seedsModel });
    devFolds = (await runCorpusDevEvaluation(dev, { modelFor: (story, base) => folds.get(story) ?? base })).report;
  }, 300_000);

  it('answers and refuses on the seeds with a model fitted without them', () => {
    const f = HELD_OUT_FLOORS.seeds;
    expect(seedsFold.answer.rate, failuresOf(seedsFold, 'answerable').join('\n')).toBeGreaterThanOrEqual(f.answer);
    expect(seedsFold.refusal.rate, failuresOf(seedsFold, 'unanswerable').join('\n')).toBeGreaterThanOrEqual(f.refusal);
    expect(seedsFold.chrome.rate, failuresOf(seedsFold, 'chrome').join('\n')).toBeGreaterThanOrEqual(f.chrome);
    expect(seedsFold.followups.rate, failuresOf(seedsFold, 'followup').join('\n')).toBeGreaterThanOrEqual(f.followups);
  });

  it('answers and refuses on the development stories, each with a model fitted without it', () => {
    const f = HELD_OUT_FLOORS.dev;
    expect(devFolds.answer.rate).toBeGreaterThanOrEqual(f.answer);
    expect(devFolds.refusal.rate).toBeGreaterThanOrEqual(f.refusal);
    expect(devFolds.chrome.rate).toBeGreaterThanOrEqual(f.chrome);
    expect(devFolds.followups.rate).toBeGreaterThanOrEqual(f.followups);
    expect(devFolds.recall30.rate).toBeGreaterThanOrEqual(f.recall30);
    expect(devFolds.chromeCitations).toBeLessThanOrEqual(f.chromeCitations);
    expect(devFolds.briefingFacts.rate).toBeGreaterThanOrEqual(f.briefingFacts);
  });

  it('cites only verbatim article text everywhere and cites every block', () => {
    for (const report of [shipped, seedsFold]) {
      expect(report.citations.total).toBeGreaterThan(0);
      expect(failuresOf(report, 'citation', 'block')).toEqual([]);
      expect(report.citations.rate).toBe(TARGETS.verbatim);
      expect(report.blocks.rate).toBe(TARGETS.blocksCited);
    }
    expect(devFolds.verbatim.total).toBeGreaterThan(0);
    expect(devFolds.verbatim.rate).toBe(TARGETS.verbatim);
  });

  it(`covers at least ${TARGETS.briefingFacts} of the 10 key facts in a short general briefing`, () => {
    const b = shipped.briefing;
    expect(b.status).toBe('answered');
    expect(b.covered, `missing: ${b.missing.join('; ')}`).toBeGreaterThanOrEqual(TARGETS.briefingFacts);
    expect(b.blocks).toBeGreaterThanOrEqual(TARGETS.briefingMinBlocks);
    expect(b.blocks).toBeLessThanOrEqual(TARGETS.briefingMaxBlocks);
    expect(b.chars).toBeLessThanOrEqual(TARGETS.briefingMaxChars);
  });

  it('keeps topic briefings on topic and refuses topics the corpus does not cover', () => {
    for (const b of shipped.topicBriefings) expect(b.status, `topic ${b.topic}`).toBe('answered');
    expect(shipped.topicFacts.rate, failuresOf(shipped, 'briefing').join('\n')).toBeGreaterThanOrEqual(
      TARGETS.topicFacts,
    );
    expect(shipped.offTopic.rate).toBe(TARGETS.offTopic);
  });
});
