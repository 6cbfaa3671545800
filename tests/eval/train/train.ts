/**
 * `npm run train`: fits the extractive engine's answer model on the labelled questions (tests/eval on the seeds
 * and ../shared/corpus-dev on its 120 pages), reports leave-one-story-out figures (each story scored by a model
 * that never saw it), and writes the model fitted on everything to core/engines/extractive/answer-model.json and
 * the per-story fold models to tests/eval/data/answer-model-folds.json (the evaluation uses them to report
 * figures on stories the model was not fitted on).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES, VERDICT_FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import { loadCorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { FOLDS_FILE, loadEvalSet } from '../load-eval-set.ts';
import { blankAnswerModel, collectCandidates } from './collect-candidates.ts';
import { crossValidate, fitModel, type Verdicts } from './cross-validate.ts';

const LAMBDA = Number(process.env.TRAIN_LAMBDA ?? 2);
const here = dirname(fileURLToPath(import.meta.url));
const MODEL_PATH = join(here, '..', '..', '..', 'core', 'engines', 'extractive', 'answer-model.json');

const dev = loadCorpusDev();
if (!dev) {
  process.stderr.write('train: ../shared/corpus-dev is not beside the project (set CORPUS_DEV_DIR).\n');
  process.exit(1);
}
const started = performance.now();
// Two passes from a blank model: the first fit only writes realistic earlier replies for the follow-up turns of
// the second, so the committed model is the same whatever model the file held before (a run is reproducible).
const firstFit = fitModel(await collectCandidates(dev, loadEvalSet(), blankAnswerModel()), LAMBDA);
const asked = await collectCandidates(dev, loadEvalSet(), firstFit);
if (process.env.TRAIN_DUMP) writeFileSync(process.env.TRAIN_DUMP, JSON.stringify(asked));
const pct = (a: number, b: number) => `${a}/${b} ${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const line = (name: string, v: Verdicts) =>
  `${name.padEnd(12)} answered ${pct(v.answered, v.answerable).padEnd(16)} refused ${pct(v.refused, v.unanswerable).padEnd(16)} answer among shown ${pct(v.shown, v.answerable).padEnd(16)} among candidates ${pct(v.reachable, v.answerable)}`;

const cv = crossValidate(asked, LAMBDA);
const out: string[] = [
  `questions ${asked.length}, candidates ${asked.reduce((s, a) => s + a.candidates.length, 0)}, lambda ${LAMBDA}`,
];
out.push('leave-one-story-out (each story scored by a model fitted without it):');
for (const [story, v] of cv.byStory) out.push(line(story, v));
out.push(line('ALL FOLDS', cv.total));
const model = fitModel(asked, LAMBDA);
writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 1)}\n`);
writeFileSync(FOLDS_FILE, `${JSON.stringify(Object.fromEntries(cv.folds))}\n`);
out.push('sentence weights (all data):');
out.push(FEATURES.map((f, i) => `${f}=${(model.weights[i] ?? 0).toFixed(2)}`).join(' '));
out.push('verdict weights (all data):');
out.push(VERDICT_FEATURES.map((f, i) => `${f}=${(model.verdict.weights[i] ?? 0).toFixed(2)}`).join(' '));
out.push(
  `thresholds answered ${model.thresholds.answered}, partial ${model.thresholds.partial}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.stdout.write(`${out.join('\n')}\n`);
