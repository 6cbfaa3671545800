/**
 * `tsx tests/eval/train/diagnose-answers.ts <dump.json>`: reads the candidates `npm run train` dumps (TRAIN_DUMP) and,
 * for every answerable question whose answering sentence is a candidate but is not among those shown under its
 * leave-one-story-out model, prints the question, what is shown and the best-ranked answering sentence with the
 * features that set them apart. For finding which kind of evidence the model lacks, not for tuning on one question.
 */
import { readFileSync } from 'node:fs';
import { FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import { logit, sigmoid } from '../../../core/engines/extractive/answer-model.ts';
import { ANSWER } from '../../../core/engines/extractive/compose-answer.ts';
import type { Asked } from './collect-candidates.ts';
import { crossValidate } from './cross-validate.ts';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: diagnose-answers <TRAIN_DUMP file>\n');
  process.exit(1);
}
const asked = JSON.parse(readFileSync(path, 'utf8')) as Asked[];
const { folds } = crossValidate(asked, Number(process.env.TRAIN_LAMBDA ?? 2));
const SHOWN = ['typed', 'typedQuestion', 'attributed', 'speakerMatch', 'coverage', 'contextCoverage', 'focused'];
const show = (x: readonly number[]) =>
  SHOWN.map((f) => `${f}=${(x[FEATURES.indexOf(f as (typeof FEATURES)[number])] ?? 0).toFixed(2)}`).join(' ');
let missed = 0;
for (const q of asked) {
  if (!q.answerable || !q.candidates.some((c) => c.positive)) continue;
  const model = folds.get(q.story);
  if (!model) continue;
  const ranked = q.candidates.map((c) => ({ ...c, z: logit(model.weights, c.x) })).sort((a, b) => b.z - a.z);
  const best = sigmoid(ranked[0]?.z ?? -10);
  const shown = ranked.slice(0, ANSWER.maxBlocks).filter((s) => sigmoid(s.z) >= best * ANSWER.extraShare);
  if (shown.some((s) => s.positive)) continue;
  missed++;
  const positive = ranked.findIndex((c) => c.positive);
  const p = ranked[positive];
  const top = ranked[0];
  if (!p || !top) continue;
  process.stdout.write(
    [
      `## ${q.id} [${q.story}] ${q.question}`,
      `  shown (z ${top.z.toFixed(2)}): ${top.text.slice(0, 220)}`,
      `    ${show(top.x)}`,
      `  answer at ${positive + 1} (z ${p.z.toFixed(2)}): ${p.text.slice(0, 220)}`,
      `    ${show(p.x)}`,
      '',
    ].join('\n'),
  );
}
process.stdout.write(`${missed} answerable questions with the answer among the candidates but not shown\n`);
