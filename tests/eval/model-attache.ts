import { readFileSync } from 'node:fs';
import type { App } from '../../bot/app.ts';
import type { AttacheApi } from '../../core/api.ts';
import { createAttache } from '../../core/attache.ts';
import { type AnswerModel, parseAnswerModel } from '../../core/engines/extractive/answer-model.ts';
import { createExtractiveEngine } from '../../core/engines/extractive/extractive-engine.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { createConversationRepository } from '../../db/repositories/conversation-repository.ts';
import { FOLDS_FILE } from './load-eval-set.ts';

/** The core API over an app's stores, answering with the extractive engine and the given answer model. */
export function attacheWithModel(app: App, model: AnswerModel): AttacheApi {
  const engine = createExtractiveEngine({ model });
  return createAttache({
    corpus: app.corpus,
    conversations: createConversationRepository(app.database.db),
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
