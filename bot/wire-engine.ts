import { DEFAULT_ANSWER_MODEL_FILE } from '../core/engines/extractive/default-models.ts';
import { ConfigError } from '../core/errors.ts';
import type { Engine, EngineDraft, EngineRequest } from '../core/ports/engine.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Config } from './config.ts';

export interface WiredEngines {
  /** The configured engine. */
  primary: Engine;
  /** The offline engine used when the primary fails (same object when primary is extractive). */
  fallback: Engine;
}

/**
 * The extractive engine, imported at its first reply: its modules (question analysis, answer and briefing models,
 * and WordNet's word lists they load) take a few hundred ms, which start-up and the commands that never compose a
 * reply (`sources`, `search`, the console's greeting) should not wait for.
 */
export function lazyExtractiveEngine(): Engine {
  let engine: Promise<Engine> | undefined;
  return {
    name: 'extractive',
    model: DEFAULT_ANSWER_MODEL_FILE,
    async compose(request: EngineRequest): Promise<EngineDraft> {
      engine ??= extractiveModule().then((m) => m.createExtractiveEngine());
      return (await engine).compose(request);
    },
  };
}

let loading: Promise<typeof import('../core/engines/extractive/extractive-engine.ts')> | undefined;
const extractiveModule = () => {
  loading ??= import('../core/engines/extractive/extractive-engine.ts');
  return loading;
};

/**
 * Starts importing the engine's modules ahead of the first question (from the idle-time warm-up); a failure is
 * left to that question to report.
 */
export function preloadExtractiveEngine(): void {
  extractiveModule().catch(() => {});
}

/**
 * Chooses the engine from configuration: Claude when `config.engine` is 'claude' (ENGINE=claude, or auto with
 * a key), with the extractive engine as its fallback; otherwise the extractive engine alone. The Anthropic SDK is
 * imported only then (it takes a quarter of a second to load, which the offline engine should not pay).
 */
export async function wireEngines(config: Config, logger: Logger): Promise<WiredEngines> {
  const extractive = lazyExtractiveEngine();
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
