import { readFileSync } from 'node:fs';
import type { App } from '../../bot/app.ts';
import type { AttacheApi } from '../../core/api.ts';
import { createAttache } from '../../core/attache.ts';
import { type AnswerModel, parseAnswerModel } from '../../core/engines/extractive/answer-model.ts';
import { type BriefingModel, parseBriefingModel } from '../../core/engines/extractive/briefing-model.ts';
import { createExtractiveEngine } from '../../core/engines/extractive/extractive-engine.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { BRIEFING_FOLDS_FILE, FOLDS_FILE } from './load-eval-set.ts';

/**
 * The core API over an app's stores with the extractive engine, answering with the given answer model (else the
 * committed one) and briefing with the given briefing model (else the committed one).
 */
export function attacheWithModel(app: App, model?: AnswerModel, briefingModel?: BriefingModel): AttacheApi {
  return attacheWithEngine(
    app,
    createExtractiveEngine({
      ...(model ? { model } : {}),
      ...(briefingModel ? { briefingModel } : {}),
    }),
  );
}

/** The app's attaché over another engine (the training scripts' engines observe what they rank). */
export function attacheWithEngine(app: App, engine: ReturnType<typeof createExtractiveEngine>): AttacheApi {
  return createAttache({
    corpus: app.corpus,
    conversations: app.storage.conversations,
    engine,
    fallbackEngine: engine,
    clock: app.clock,
    logger: silentLogger,
  });
}

/** The leave-one-story-out models `npm run train` wrote: story → the model fitted without it. */
export function loadFoldModels(path: string = FOLDS_FILE): Map<string, AnswerModel> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return new Map(Object.entries(raw).map(([story, value]) => [story, parseAnswerModel(value, `${path} (${story})`)]));
}

/** The leave-one-story-out briefing models `npm run train:briefing` wrote: story → the model fitted without it. */
export function loadBriefingFolds(path: string = BRIEFING_FOLDS_FILE): Map<string, BriefingModel> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return new Map(Object.entries(raw).map(([story, value]) => [story, parseBriefingModel(value, `${path} (${story})`)]));
}
