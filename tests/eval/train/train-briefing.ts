/**
 * `npm run train:briefing`: fits the briefing model (how likely a candidate sentence states a key fact of its
 * story) on the labelled briefings (tests/eval/data/briefings.json on the seeds, and ../shared/corpus-dev's one
 * briefing per story). Folds are split by story: each corpus-dev story gets a model fitted on the seeds and the
 * other eleven stories (written to tests/eval/data/briefing-model-folds.json; `npm run eval:briefings` and
 * `npm run eval` brief each story with its own fold model, so every corpus-dev figure is held out). The model
 * fitted on everything is written to core/engines/extractive/briefing-model.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIEFING_FEATURES } from '../../../core/engines/extractive/briefing-features.ts';
import { type BriefingModel, factProbability } from '../../../core/engines/extractive/briefing-model.ts';
import { loadCorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { BRIEFING_FOLDS_FILE } from '../load-eval-set.ts';
import { type BriefedStory, collectBriefings } from './collect-briefing-candidates.ts';
import { fitBriefingModel } from './fit-briefing.ts';

const LAMBDA = Number(process.env.TRAIN_LAMBDA ?? 0.5);
const here = dirname(fileURLToPath(import.meta.url));
const MODEL_PATH = join(here, '..', '..', '..', 'core', 'engines', 'extractive', 'briefing-model.json');

/** A quick proxy of the briefing (the engine's selection is measured by `npm run eval:briefings`): facts among the six likeliest. */
function topFacts(model: BriefingModel, s: BriefedStory): number {
  const ranked = [...s.candidates].sort((a, b) => factProbability(model, b.x) - factProbability(model, a.x));
  return new Set(ranked.slice(0, 6).flatMap((c) => c.facts)).size;
}

/** Area under the ROC curve of the model's ranking of one briefing's candidates (positives above negatives). */
function auc(model: BriefingModel, s: BriefedStory): number {
  const scored = s.candidates.map((c) => ({ p: factProbability(model, c.x), y: c.facts.length > 0 }));
  const pos = scored.filter((c) => c.y);
  const neg = scored.filter((c) => !c.y);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
  return wins / Math.max(1, pos.length * neg.length);
}

const dev = loadCorpusDev();
if (!dev) {
  process.stderr.write('train:briefing: ../shared/corpus-dev is not beside the project (set CORPUS_DEV_DIR).\n');
  process.exit(1);
}
const started = performance.now();
const stories = await collectBriefings(dev);
if (process.env.TRAIN_DUMP) writeFileSync(process.env.TRAIN_DUMP, JSON.stringify(stories));
const folds = new Map<string, BriefingModel>();
const out = [
  `briefings ${stories.length}, candidates ${stories.reduce((n, s) => n + s.candidates.length, 0)}, lambda ${LAMBDA}`,
];
out.push('leave-one-story-out (each story ranked by a model fitted without it):');
let reached = 0;
let total = 0;
for (const s of stories) {
  const model = fitBriefingModel(
    stories.filter((o) => o.story !== s.story),
    LAMBDA,
  );
  folds.set(s.story, model);
  const found = new Set(s.candidates.flatMap((c) => c.facts)).size;
  const top = topFacts(model, s);
  reached += top;
  total += s.facts;
  out.push(
    `  ${s.story.padEnd(12)} facts among the six likeliest ${top}/${s.facts}, among all candidates ${found}/${s.facts}, auc ${auc(model, s).toFixed(2)}`,
  );
}
out.push(`  ALL FOLDS    facts among the six likeliest ${reached}/${total}`);
const model = fitBriefingModel(stories, LAMBDA);
writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 1)}\n`);
writeFileSync(BRIEFING_FOLDS_FILE, `${JSON.stringify(Object.fromEntries(folds))}\n`);
out.push('weights (all data):');
out.push(BRIEFING_FEATURES.map((f, i) => `${f}=${(model.weights[i] ?? 0).toFixed(2)}`).join(' '));
out.push(`${((performance.now() - started) / 1000).toFixed(1)} s`);
process.stdout.write(`${out.join('\n')}\n`);
