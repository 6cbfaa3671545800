import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWarmUp } from '../../bot/warm-up.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { oneParagraph } from '../support/documents.ts';
import { seededCore } from './core-fixture.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('attache.prepare (idle-time warm-up)', () => {
  it('changes no reply, and a corpus changed afterwards is profiled again', async () => {
    const cold = await seededCore();
    const warm = await seededCore();
    try {
      expect(await warm.attache.prepare?.()).toBe(false);
      for (const question of ['Who led the US delegation?', 'What is the capital of Peru?']) {
        const a = await cold.attache.ask({ question, conversation: 'console:cold' });
        const b = await warm.attache.ask({ question, conversation: 'console:warm' });
        expect(b).toEqual(a);
      }
      await warm.store.saveDocuments([oneParagraph('added', 'Envoys met in Reykjavik to talk about fisheries.')]);
      // The profile is checked again after ten seconds: then the sixth article counts.
      warm.clock.advance(10_001);
      await warm.attache.prepare?.();
      const refusal = await warm.attache.ask({ question: 'What is the capital of Peru?', conversation: 'console:w2' });
      expect(refusal.text).toContain('The corpus holds 6 news articles');
    } finally {
      cold.database.close();
      warm.database.close();
    }
  });
});

describe('startWarmUp', () => {
  it('loads the language data, prepares slice by slice until done, checks again later, and stops', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    let left = 3;
    const attache = {
      prepare: async () => {
        calls.push('slice');
        left--;
        return left > 0;
      },
    };
    const warmUp = startWarmUp(attache, silentLogger, () => calls.push('language'));
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual(['language', 'slice', 'slice', 'slice']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(5);
    warmUp.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(5);
  });

  it('keeps going, at the slow pace, when a slice fails', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_: unknown, message?: string) => void warnings.push(message ?? '') };
    const warmUp = startWarmUp(
      {
        prepare: async () => {
          calls++;
          throw new Error('database is locked');
        },
      },
      logger,
      () => {},
    );
    await vi.advanceTimersByTimeAsync(10_100);
    expect(calls).toBe(3);
    expect(warnings).toEqual(['warm-up failed']);
    warmUp.stop();
  });
});
