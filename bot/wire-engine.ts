import { createClaudeEngine } from '../adapters/claude/claude-engine.ts';
import { createExtractiveEngine } from '../core/engines/extractive/extractive-engine.ts';
import { ConfigError } from '../core/errors.ts';
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

/**
 * Chooses the engine from configuration: Claude when `config.engine` is 'claude' (ENGINE=claude, or auto with
 * a key), with the extractive engine as its fallback; otherwise the extractive engine alone.
 */
export function wireEngines(config: Config, _db: AppDatabase, logger: Logger): WiredEngines {
  const extractive = createExtractiveEngine();
  if (config.engine !== 'claude') return { primary: extractive, fallback: extractive };
  const { apiKey, baseUrl, model, timeoutMs } = config.anthropic;
  if (!apiKey) {
    throw new ConfigError(
      'ANTHROPIC_API_KEY',
      'Invalid configuration: ANTHROPIC_API_KEY must be set when ENGINE=claude.',
    );
  }
  const claude = createClaudeEngine({ apiKey, baseURL: baseUrl, model, timeoutMs, logger });
  return { primary: claude, fallback: extractive };
}
