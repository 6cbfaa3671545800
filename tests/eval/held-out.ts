import { existsSync } from 'node:fs';
import type { AttacheApi } from '../../core/api.ts';
import type { AnswerModel } from '../../core/engines/extractive/answer-model.ts';
import type { DevReport } from './corpus-dev/evaluate-corpus-dev.ts';
import { type CorpusDev, loadCorpusDev } from './corpus-dev/load-corpus-dev.ts';
import { runCorpusDevEvaluation } from './corpus-dev/run-corpus-dev.ts';
import { type EvalReport, type Rate, runEvaluation } from './evaluate.ts';
import { FOLDS_FILE } from './load-eval-set.ts';
import { loadFoldModels } from './model-attache.ts';

/** One line of the sets table: a question set answered with the shipped model or with held-out fold models. */
export interface SetFigures {
  name: string;
  answer: Rate;
  refusal: Rate;
  chrome: Rate;
  followups: Rate;
  briefing: string;
  verbatim: Rate;
  chromeCitations: number | null;
  recall: string;
  latency: string;
  extraction: string;
}

export interface HeldOutReport {
  sets: SetFigures[];
  /** The development corpus answered by models that never saw each story (for failure lists and vitest floors). */
  devFolds: DevReport | null;
  /** The seeds answered by the model fitted without them. */
  seedsFold: EvalReport | null;
  /** Development pages ingest could not use. */
  rejected: { id: string; reason: string }[];
  /** Why a set is missing (no fold file, no corpus-dev). */
  notes: string[];
}

const pct = (r: Rate) => `${(r.rate * 100).toFixed(1)}% (${r.correct}/${r.total})`;
const ms = (p50: number, p95: number) => `${p50.toFixed(1)} / ${p95.toFixed(1)} ms`;

function fromSeeds(name: string, r: EvalReport): SetFigures {
  return {
    name,
    answer: r.answer,
    refusal: r.refusal,
    chrome: r.chrome,
    followups: r.followups,
    briefing: `${r.briefing.covered}/${r.briefing.total}`,
    verbatim: r.citations,
    chromeCitations: r.failures.filter((f) => f.section === 'citation' && f.detail.includes('page chrome')).length,
    recall: '—',
    latency: ms(r.latency.ask.p50, r.latency.ask.p95),
    extraction: '—',
  };
}

function fromDev(name: string, r: DevReport): SetFigures {
  const perStory = r.briefings.filter((b) => b.covered / b.total >= 0.7).length;
  return {
    name,
    answer: r.answer,
    refusal: r.refusal,
    chrome: r.chrome,
    followups: r.followups,
    briefing: `${r.briefingFacts.correct}/${r.briefingFacts.total} (${perStory}/${r.briefings.length} stories ≥ 70%)`,
    verbatim: r.verbatim,
    chromeCitations: r.chromeCitations,
    recall: `${(r.recall10.rate * 100).toFixed(0)}% / ${(r.recall30.rate * 100).toFixed(0)}%`,
    latency: ms(r.latency.p50, r.latency.p95),
    extraction: `chrome removed ${pct(r.extraction.chromeRemoved)}, article kept ${pct(r.extraction.articleKept)}`,
  };
}

/**
 * The figures that count: the seeds answered by the model fitted without them, and the development corpus
 * (on top of the seeds) with each story answered by the model fitted without that story; plus the development
 * corpus with the shipped model, for comparison (that model was fitted on it).
 */
export async function runHeldOut(options: { shipped: EvalReport; dev?: CorpusDev | null }): Promise<HeldOutReport> {
  const notes: string[] = [];
  const sets: SetFigures[] = [fromSeeds('seeds (tests/eval), shipped model — fitted on it', options.shipped)];
  const folds = existsSync(FOLDS_FILE) ? loadFoldModels() : null;
  if (!folds) notes.push(`no ${FOLDS_FILE}: run \`npm run train\` for held-out figures`);
  let seedsFold: EvalReport | null = null;
  const seedsModel = folds?.get('seeds');
  if (seedsModel) {
    seedsFold = await runEvaluation({ model: seedsModel });
    sets.push(fromSeeds('seeds, model fitted without them', seedsFold));
  }
  const dev = options.dev === undefined ? loadCorpusDev() : options.dev;
  let devFolds: DevReport | null = null;
  let rejected: HeldOutReport['rejected'] = [];
  if (!dev) notes.push('../shared/corpus-dev not found (set CORPUS_DEV_DIR): development set skipped');
  else {
    if (folds) {
      const pick = (story: string, base: AttacheApi): AnswerModel | AttacheApi => folds.get(story) ?? base;
      const run = await runCorpusDevEvaluation(dev, { modelFor: pick });
      devFolds = run.report;
      rejected = run.rejected;
      sets.push(fromDev('corpus-dev, each story by a model fitted without it', run.report));
    }
    const shipped = await runCorpusDevEvaluation(dev);
    rejected = shipped.rejected;
    sets.push(fromDev('corpus-dev, shipped model — fitted on it', shipped.report));
  }
  return { sets, devFolds, seedsFold, rejected, notes };
}

/** The sets table as plain text. */
export function formatHeldOut(report: HeldOutReport): string {
  const header = [
    'set',
    'answered right',
    'unanswerable refused',
    'chrome traps',
    'follow-up turns',
    'briefing facts',
    'verbatim',
    'chrome cited',
    'recall@10/@30',
    'ask p50/p95',
    'ingest',
  ];
  const rows = report.sets.map((s) => [
    s.name,
    pct(s.answer),
    pct(s.refusal),
    pct(s.chrome),
    pct(s.followups),
    s.briefing,
    pct(s.verbatim),
    s.chromeCitations === null ? '—' : String(s.chromeCitations),
    s.recall,
    s.latency,
    s.extraction,
  ]);
  const lines = ['Question sets (the held-out lines are the figures that count):'];
  for (const row of rows)
    lines.push(
      row
        .map((cell, i) => `${header[i]}: ${cell}`)
        .join('\n    ')
        .replace(/^set: /, '- '),
    );
  if (report.rejected.length > 0)
    lines.push(`pages ingest rejected: ${report.rejected.map((r) => `${r.id} (${r.reason})`).join('; ')}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
