import { focusDocuments } from '../../conversation/focus.ts';
import type { EngineDraft, EngineRequest } from '../../ports/engine.ts';

/** Drafts kept; the engine is deterministic, so a request seen before gets the same draft. */
const MAX_ENTRIES = 200;

/** FNV-1a over the passages' ids and texts: a re-ingested passage gets a new key. */
function fingerprint(request: EngineRequest): string {
  let hash = 0x811c9dc5;
  for (const p of request.passages) {
    const text = `${p.id}\u0000${p.text}\u0001`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  // The conversation's subject weighs in the answer, so it is part of the key.
  const focus = [...focusDocuments(request.history ?? [])].sort().join('\u0002');
  const asked = [request.kind, request.topic ?? '', request.question ?? '', request.resolvedQuestion ?? '', focus];
  return `${asked.join('\u0000')}\u0000${request.passages.length}:${hash.toString(16)}`;
}

/** A small LRU of drafts by request fingerprint. */
export function createDraftCache(): {
  get(request: EngineRequest): EngineDraft | undefined;
  set(request: EngineRequest, draft: EngineDraft): void;
} {
  const entries = new Map<string, EngineDraft>();
  return {
    get(request) {
      const key = fingerprint(request);
      const draft = entries.get(key);
      if (draft) {
        entries.delete(key);
        entries.set(key, draft);
      }
      return draft;
    },
    set(request, draft) {
      const key = fingerprint(request);
      entries.set(key, draft);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}
