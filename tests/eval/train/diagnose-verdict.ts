/**
 * `npx tsx tests/eval/train/diagnose-verdict.ts <dump> [--list declined|missed|unanswerable]`: where the answers are
 * lost in the leave-one-story-out folds. Reads the candidates `npm run train` wrote with `TRAIN_DUMP=<dump>` and
 * the fold models it wrote to tests/eval/data, places every question (answered, declined: the answering sentence is
 * shown but the verdict refuses it or calls it partial, missed, unanswerable) and prints, per feature, how well it
 * separates the declined questions' answering sentences from the unanswerable questions' best candidates. A
 * feature that would let the verdict answer the declined ones separates them (far from 0.5); the list prints the
 * questions with the sentences shown.
 */
import { readFileSync } from 'node:fs';
import { type AnswerModel, parseAnswerModel } from '../../../core/engines/extractive/answer-model.ts';
import { FOLDS_FILE } from '../load-eval-set.ts';
import type { Asked } from './collect-candidates.ts';
import { featureRows, type Outcome, place } from './verdict-separation.ts';

const [dump, flag, listed] = process.argv.slice(2);
if (!dump) {
  process.stderr.write('usage: diagnose-verdict <dump from TRAIN_DUMP> [--list declined|missed|unanswerable]\n');
  process.exit(1);
}
const asked = JSON.parse(readFileSync(dump, 'utf8')) as Asked[];
const folds = new Map<string, AnswerModel>(
  Object.entries(JSON.parse(readFileSync(FOLDS_FILE, 'utf8')) as Record<string, unknown>).map(([story, m]) => [
    story,
    parseAnswerModel(m, FOLDS_FILE),
  ]),
);
const placed = asked.flatMap((q) => {
  const model = folds.get(q.story);
  return model ? [place(model, q)] : [];
});
const count = (o: Outcome) => placed.filter((p) => p.outcome === o).length;
const out = [
  `answered ${count('answered')}, declined ${count('declined')}, missed ${count('missed')}, unanswerable ${count('unanswerable')}`,
  'feature               mean: declined answered unanswerable   separation: declined|unans answered|unans',
];
for (const r of featureRows(placed)) {
  const f = (x: number) => x.toFixed(2).padStart(8);
  out.push(
    `${r.feature.padEnd(22)}${f(r.declined)}${f(r.answered)}${f(r.unanswerable)}            ${f(r.declinedVsUnanswerable)}      ${f(r.answeredVsUnanswerable)}`,
  );
}
if (flag === '--list' && listed) {
  for (const p of placed.filter((x) => x.outcome === listed)) {
    out.push('', `${p.asked.story} ${p.asked.id}: ${p.asked.question}`);
    const model = folds.get(p.asked.story);
    if (!model) continue;
    const ranked = [...p.asked.candidates]
      .map((c) => ({ c, z: c.x.reduce((s, x, i) => s + x * (model.weights[i] ?? 0), 0) }))
      .sort((a, b) => b.z - a.z)
      .slice(0, 3);
    for (const { c, z } of ranked) out.push(`  ${c.positive ? '+' : '-'} ${z.toFixed(2)} ${c.text.slice(0, 160)}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
