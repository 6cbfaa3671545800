import { existsSync } from 'node:fs';
import type { AttacheApi } from '../../../core/api.ts';
import type { AnswerModel } from '../../../core/engines/extractive/answer-model.ts';
import { retrieve } from '../../../core/pipeline/retrieve.ts';
import { BRIEFING_FOLDS_FILE } from '../load-eval-set.ts';
import { attacheWithModel, loadBriefingFolds } from '../model-attache.ts';
import { type DevReport, evaluateCorpusDev } from './evaluate-corpus-dev.ts';
import type { CorpusDev } from './load-corpus-dev.ts';
import { withDevApp } from './with-dev-app.ts';

export interface DevRun {
  report: DevReport;
  /** Pages ingest could not use. */
  rejected: { id: string; reason: string }[];
}

/**
 * Evaluates the development corpus ingested on top of the seeds, in a fresh temporary database.
 * `modelFor(story)` may give each story its own answer model (one fitted without that story); by default the
 * app's configured engine answers everything.
 */
export async function runCorpusDevEvaluation(
  dev: CorpusDev,
  options: { modelFor?: (story: string, base: AttacheApi) => AnswerModel | AttacheApi } = {},
): Promise<DevRun> {
  // Each story is briefed by the briefing model fitted without it (`npm run train:briefing`), with its answer model.
  const briefingFolds = options.modelFor && existsSync(BRIEFING_FOLDS_FILE) ? loadBriefingFolds() : null;
  return withDevApp(dev, async (app, { rejected }) => {
    const apis = new Map<string, AttacheApi>();
    const report = await evaluateCorpusDev(dev, {
      apiFor: (story) => {
        if (!options.modelFor) return app.attache;
        let api = apis.get(story);
        if (!api) {
          const chosen = options.modelFor(story, app.attache);
          api = 'weights' in chosen ? attacheWithModel(app, chosen, briefingFolds?.get(story)) : chosen;
          apis.set(story, api);
        }
        return api;
      },
      retrieve: async (question, limit) => retrieve(app.corpus, question, limit),
      articleText: async (id) => (await app.corpus.getDocument(id))?.articleText ?? null,
    });
    return { report, rejected };
  });
}
