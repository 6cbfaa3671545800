import { verifyDraft } from '../grounding/verify-draft.ts';
import type { Clock } from '../ports/clock.ts';
import type { DraftBlock, Engine, EngineDraft, EngineRequest } from '../ports/engine.ts';
import type { Logger } from '../ports/logger.ts';
import type { UsageStore } from '../ports/usage-store.ts';
import type { EngineName, ReplyStatus } from '../reply.ts';

/** A draft that passed the grounding verifier, with the engine that really produced it. */
export interface VerifiedOutcome {
  engine: EngineName;
  status: ReplyStatus;
  title: string;
  blocks: DraftBlock[];
  note?: string | undefined;
}

export interface EngineDeps {
  engine: Engine;
  fallbackEngine: Engine;
  clock: Clock;
  logger: Logger;
  usage?: UsageStore | undefined;
}

const label = (engine: Engine) => (engine.name === 'claude' ? 'Claude' : `The ${engine.name} engine`);

function join(...notes: (string | undefined)[]): string | undefined {
  const text = notes.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/** Verifies a draft; null when it claims an answer but nothing of it survives (so another engine should try). */
function check(draft: EngineDraft, request: EngineRequest, logger: Logger): VerifiedOutcome | null {
  const { blocks, dropped } = verifyDraft(draft, request.passages);
  if (dropped.length > 0) {
    logger.warn({ engine: draft.engine, dropped: dropped.map((d) => d.reason) }, 'grounding verifier dropped blocks');
  }
  const claimsAnswer = draft.status !== 'refused';
  if (claimsAnswer && blocks.length === 0) return null;
  const status: ReplyStatus = !claimsAnswer
    ? 'refused'
    : draft.status === 'answered' && dropped.length > 0
      ? 'partial'
      : draft.status;
  const trimmed =
    dropped.length > 0 && blocks.length > 0
      ? 'Statements that could not be checked against the sources were left out.'
      : undefined;
  return {
    engine: draft.engine,
    status,
    title: draft.title,
    blocks: claimsAnswer ? blocks : [],
    note: join(draft.note, trimmed),
  };
}

/**
 * Runs the configured engine and verifies its draft. When it throws, or claims an answer none of
 * which survives verification, the fallback (extractive) engine answers instead, with a note.
 * Token usage is recorded whenever an engine reports it.
 */
export async function composeVerified(deps: EngineDeps, request: EngineRequest): Promise<VerifiedOutcome> {
  const { engine, fallbackEngine, logger } = deps;
  let reason: 'failed' | 'unverifiable' = 'failed';
  try {
    const draft = await engine.compose(request);
    if (draft.usage && deps.usage) {
      await deps.usage.record({
        ...draft.usage,
        createdAt: deps.clock.now().toISOString(),
        engine: draft.engine,
        kind: request.kind,
      });
    }
    const outcome = check(draft, request, logger);
    if (outcome) return outcome;
    reason = 'unverifiable';
  } catch (error) {
    logger.warn({ engine: engine.name, err: error instanceof Error ? error.message : String(error) }, 'engine failed');
  }
  const why =
    reason === 'failed'
      ? `${label(engine)} was unavailable, so this was extracted directly from the sources.`
      : `${label(engine)}'s answer could not be verified against the sources, so this was extracted directly from them.`;
  if (fallbackEngine === engine) {
    return {
      engine: engine.name,
      status: 'refused',
      title: 'No answer',
      blocks: [],
      note: 'The answer could not be composed.',
    };
  }
  try {
    const outcome = check(await fallbackEngine.compose(request), request, logger);
    if (outcome) return { ...outcome, engine: fallbackEngine.name, note: join(why, outcome.note) };
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'fallback engine failed');
  }
  return { engine: fallbackEngine.name, status: 'refused', title: 'No answer', blocks: [], note: why };
}
