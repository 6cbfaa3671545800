import type { CorpusStore } from '../../../core/ports/corpus-store.ts';

export interface StoreTimer {
  /** Milliseconds and calls per CorpusStore method since the last reset. */
  snapshot(): Record<string, { calls: number; ms: number }>;
  reset(): void;
}

/**
 * Wraps the methods of a CorpusStore object in place (the app's core holds the same object), so a case can
 * tell how much of a brief/ask is spent in the store (FTS5) and how much in the engine.
 */
export function timeStoreCalls(store: CorpusStore): StoreTimer {
  let totals: Record<string, { calls: number; ms: number }> = {};
  const target = store as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') continue;
    const method = value as (...args: unknown[]) => unknown;
    target[name] = (...args: unknown[]): unknown => {
      const start = performance.now();
      try {
        return method.apply(store, args);
      } finally {
        const entry = totals[name] ?? { calls: 0, ms: 0 };
        entry.calls += 1;
        entry.ms += performance.now() - start;
        totals[name] = entry;
      }
    };
  }
  return {
    snapshot: () => structuredClone(totals),
    reset: () => {
      totals = {};
    },
  };
}
