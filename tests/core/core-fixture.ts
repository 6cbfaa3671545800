/** Test helpers: the real core over an in-memory SQLite with the seed corpus, and a settable clock. */
import { createAttache } from '../../core/attache.ts';
import { createExtractiveEngine } from '../../core/engines/extractive/extractive-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Engine } from '../../core/ports/engine.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { UsageRecord, UsageStore } from '../../core/ports/usage-store.ts';
import { createConversationRepository } from '../../db/repositories/conversation-repository.ts';
import { seededStore } from '../support/seeded-store.ts';

export interface FakeClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function fakeClock(iso = '2022-01-12T09:00:00.000Z'): FakeClock {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    set: (value) => {
      now = Date.parse(value);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export function usageRecorder(): UsageStore & { records: UsageRecord[] } {
  const records: UsageRecord[] = [];
  return {
    records,
    record: async (usage) => {
      records.push(usage);
    },
    dailyTotals: async () => [],
  };
}

/** The core wired to the seeds; `engine` replaces the primary engine (the extractive one stays the fallback). */
export async function seededCore(options: { engine?: Engine; clock?: FakeClock; usage?: UsageStore } = {}) {
  const { database, store } = await seededStore();
  const clock = options.clock ?? fakeClock();
  const extractive = createExtractiveEngine();
  const conversations = createConversationRepository(database.db);
  const attache = createAttache({
    corpus: store,
    conversations,
    engine: options.engine ?? extractive,
    fallbackEngine: extractive,
    clock,
    logger: silentLogger,
    ...(options.usage ? { usage: options.usage } : {}),
  });
  return { attache, store, database, clock, conversations };
}

/** Whitespace-insensitive "is a span of". */
export function spanOf(haystack: string, needle: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  return squash(haystack).includes(squash(needle));
}
