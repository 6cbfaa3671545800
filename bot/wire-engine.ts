import { createExtractiveEngine } from '../core/engines/extractive/extractive-engine.ts';
import { ConfigError } from '../core/errors.ts';
import type { Engine } from '../core/ports/engine.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Config } from './config.ts';

export interface WiredEngines {
  /** The configured engine. */
  primary: Engine;
  /** The offline engine used when the primary fails (same object when primary is extractive). */
  fallback: Engine;
}

/**
 * Chooses the engine from configuration: Claude when `config.engine` is 'claude' (ENGINE=claude, or auto with
 * a key), with the extractive engine as its fallback; otherwise the extractive engine alone. The Anthropic SDK is
 * imported only then (it takes a quarter of a second to load, which the offline engine should not pay).
 */
export async function wireEngines(config: Config, logger: Logger): Promise<WiredEngines> {
  const extractive = createExtractiveEngine();
  if (config.engine !== 'claude') return { primary: extractive, fallback: extractive };
  const { apiKey, baseUrl, model, timeoutMs } = config.anthropic;
  if (!apiKey) {
    throw new ConfigError(
      'ANTHROPIC_API_KEY',
      'Invalid configuration: ANTHROPIC_API_KEY must be set when ENGINE=claude.',
    );
  }
  const { createClaudeEngine } = await import('../adapters/claude/claude-engine.ts');
  const claude = createClaudeEngine({ apiKey, baseURL: baseUrl, model, timeoutMs, logger });
  return { primary: claude, fallback: extractive };
}
