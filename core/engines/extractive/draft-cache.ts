import { createHash } from 'node:crypto';
import { requestFocus } from '../../conversation/focus.ts';
import type { EngineDraft, EngineRequest } from '../../ports/engine.ts';

/** Drafts kept; the engine is deterministic, so a request seen before gets the same draft. */
const MAX_ENTRIES = 200;

/**
 * The request's key: what was asked, and a hash of the passages' ids and texts (a re-ingested passage gets a new
 * key). SHA-1 in native code: a briefing hands the engine some 100 passages, and a hash loop in JavaScript over
 * their 20,000 characters cost milliseconds on a request's first, not yet optimised, run.
 */
function fingerprint(request: EngineRequest): string {
  const hash = createHash('sha1');
  for (const p of request.passages) hash.update(`${p.id}\u0000${p.text}\u0001`);
  // The conversation's subject weighs in the answer, so it is part of the key.
  const focus = [...requestFocus(request)].sort().join('\u0002');
  const asked = [request.kind, request.topic ?? '', request.question ?? '', request.resolvedQuestion ?? '', focus];
  return `${asked.join('\u0000')}\u0000${request.passages.length}:${hash.digest('hex')}`;
}

/** A small LRU of drafts by request fingerprint. */
export function createDraftCache(): {
  get(request: EngineRequest): EngineDraft | undefined;
  set(request: EngineRequest, draft: EngineDraft): void;
} {
  const entries = new Map<string, EngineDraft>();
  // The engine calls `set` right after a `get` that missed, with the same request: its key is computed once.
  let last: { request: EngineRequest; key: string } | null = null;
  const keyOf = (request: EngineRequest): string => {
    if (last?.request !== request) last = { request, key: fingerprint(request) };
    return last.key;
  };
  return {
    get(request) {
      const key = keyOf(request);
      const draft = entries.get(key);
      if (draft) {
        entries.delete(key);
        entries.set(key, draft);
      }
      return draft;
    },
    set(request, draft) {
      const key = keyOf(request);
      entries.set(key, draft);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}
