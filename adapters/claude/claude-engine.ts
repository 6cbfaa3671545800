import { Anthropic } from '@anthropic-ai/sdk';
import type { Model } from '@anthropic-ai/sdk/resources/messages';
import type { Engine, EngineDraft, EngineRequest } from '../../core/ports/engine.ts';
import { type Logger, silentLogger } from '../../core/ports/logger.ts';
import { buildMessagesRequest } from './build-request.ts';
import { mapResponse } from './map-response.ts';
import { createSemaphore } from './semaphore.ts';
import { toPlatformError } from './to-platform-error.ts';

/** A current model of the SDK's `Model` union that supports search-result citations (not on the deprecation list). */
export const DEFAULT_CLAUDE_MODEL: Model = 'claude-sonnet-4-6';
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_TOKENS = 1_024;
export const DEFAULT_MAX_CONCURRENT = 4;
export const DEFAULT_MAX_RETRIES = 2;

export interface ClaudeEngineOptions {
  apiKey: string;
  /** The API root without /v1 (tests: http://127.0.0.1:PORT). Omitted: the official API. */
  baseURL?: string | undefined;
  model?: string | undefined;
  /** Limit for one reply, retries and waiting for a free slot included (ANTHROPIC_TIMEOUT_MS). */
  timeoutMs?: number;
  /** SDK retries for 408/409/429/5xx/529 and connection errors; retry-after is honoured within the limit. */
  maxRetries?: number;
  /** Requests in flight at once; further replies wait for a slot. */
  maxConcurrent?: number;
  /** Output-token cap per reply. */
  maxTokens?: number;
  logger?: Logger;
}

/** The SDK logs through this at warn and above only; extra arguments (which could hold request details) are dropped. */
function sdkLogger(logger: Logger) {
  const forward = (level: 'warn' | 'error') => (message: string) =>
    logger[level]({ component: 'anthropic-sdk' }, message);
  const ignore = () => {};
  return { error: forward('error'), warn: forward('warn'), info: ignore, debug: ignore };
}

/**
 * The Claude engine: sends the retrieved passages as search results with citations enabled and maps the
 * cited reply to a draft for core's grounding verifier. Any failure (HTTP error after retries, timeout,
 * connection) is thrown as a PlatformError so core can answer with the extractive engine instead.
 */
export function createClaudeEngine(options: ClaudeEngineOptions): Engine {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const settings = { model: options.model ?? DEFAULT_CLAUDE_MODEL, maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS };
  const slots = createSemaphore(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  const client = new Anthropic({
    apiKey: options.apiKey,
    // null, not undefined: the engine uses only what it is given, never a stray ANTHROPIC_BASE_URL.
    baseURL: options.baseURL ?? null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger: sdkLogger(logger),
    logLevel: 'warn',
  });

  return {
    name: 'claude',
    async compose(request: EngineRequest): Promise<EngineDraft> {
      if (request.passages.length === 0) {
        // Nothing retrieved means nothing to cite: no need to pay for Claude to say so.
        return {
          engine: 'claude',
          status: 'refused',
          title: request.question ?? request.topic ?? 'Briefing',
          blocks: [],
        };
      }
      const deadline = AbortSignal.timeout(timeoutMs);
      let release: (() => void) | undefined;
      try {
        release = await slots.acquire(deadline);
        // A slot freed at the very moment the limit ran out is no use: do not send a request already too late.
        deadline.throwIfAborted();
        const message = await client.messages.create(buildMessagesRequest(request, settings), { signal: deadline });
        const { draft, rejectedCitations } = mapResponse(message, request);
        logger.info(
          {
            model: message.model,
            inputTokens: message.usage.input_tokens,
            outputTokens: message.usage.output_tokens,
            stopReason: message.stop_reason,
            status: draft.status,
            blocks: draft.blocks.length,
            uncitedBlocks: draft.blocks.filter((b) => b.citations.length === 0).length,
            rejectedCitations,
          },
          'claude reply',
        );
        return draft;
      } catch (error) {
        const failure = toPlatformError(error, deadline.aborted);
        logger.warn(
          {
            code: failure.code,
            retryable: failure.retryable,
            errorType: error instanceof Error ? error.name : typeof error,
          },
          'claude request failed',
        );
        throw failure;
      } finally {
        release?.();
      }
    },
  };
}
