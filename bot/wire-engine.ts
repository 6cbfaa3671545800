import { createExtractiveEngine } from '../core/engines/extractive/extractive-engine.ts';
import type { Engine } from '../core/ports/engine.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { Config } from './config.ts';

export interface WiredEngines {
  /** The configured engine. */
  primary: Engine;
  /** The offline engine used when the primary fails (same object when primary is extractive). */
  fallback: Engine;
}

/** Chooses the engine from configuration (the Claude engine issue adds Claude here). */
export function wireEngines(_config: Config, _db: AppDatabase, _logger: Logger): WiredEngines {
  const extractive = createExtractiveEngine();
  return { primary: extractive, fallback: extractive };
}
