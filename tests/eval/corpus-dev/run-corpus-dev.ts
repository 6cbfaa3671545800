import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../bot/app.ts';
import { loadConfig } from '../../../bot/config.ts';
import type { AttacheApi } from '../../../core/api.ts';
import type { AnswerModel } from '../../../core/engines/extractive/answer-model.ts';
import { retrieve } from '../../../core/pipeline/retrieve.ts';
import { silentLogger } from '../../../core/ports/logger.ts';
import { DEFAULT_SEEDS_DIR } from '../evaluate.ts';
import { attacheWithModel } from '../model-attache.ts';
import { type DevReport, evaluateCorpusDev } from './evaluate-corpus-dev.ts';
import { ingestCorpusDev } from './ingest-corpus-dev.ts';
import type { CorpusDev } from './load-corpus-dev.ts';

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
  const dir = mkdtempSync(join(tmpdir(), 'attache-dev-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'dev.db'),
    SEEDS_DIR: DEFAULT_SEEDS_DIR,
    ENGINE: 'extractive',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config, silentLogger);
  try {
    const { rejected } = await ingestCorpusDev(app.corpus, dev);
    const apis = new Map<string, AttacheApi>();
    const report = await evaluateCorpusDev(dev, {
      apiFor: (story) => {
        if (!options.modelFor) return app.attache;
        let api = apis.get(story);
        if (!api) {
          const chosen = options.modelFor(story, app.attache);
          api = 'weights' in chosen ? attacheWithModel(app, chosen) : chosen;
          apis.set(story, api);
        }
        return api;
      },
      retrieve: async (question, limit) => retrieve(app.corpus, question, limit),
      articleText: async (id) => (await app.corpus.getDocument(id))?.articleText ?? null,
    });
    return { report, rejected };
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
