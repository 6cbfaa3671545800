import { describe, expect, it } from 'vitest';
import { codeForStatus, describeError, errorLine, InputError, PlatformError } from '../../core/errors.ts';
import { backoffDelay, retryDelay, withRetry } from '../../core/retry.ts';

const POLICY = { baseDelayMs: 1_000, factor: 2, maxDelayMs: 10_000 };

describe('backoff with jitter', () => {
  it('grows exponentially, caps, and keeps half of each wait fixed and half random', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(POLICY, n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(backoffDelay(POLICY, 3, () => 0)).toBe(2_000);
    expect(backoffDelay(POLICY, 3, () => 0.5)).toBe(3_000);
  });

  it('honours retry-after, refuses waits beyond the policy and never retries what is not retryable', () => {
    const limited = new PlatformError('discord', 'rate_limited', 'slow down', { retryable: true, retryAfterMs: 7_000 });
    expect(retryDelay(limited, 1, POLICY)).toBe(7_000);
    const tooLong = new PlatformError('discord', 'rate_limited', 'slow down', {
      retryable: true,
      retryAfterMs: 60_000,
    });
    expect(retryDelay(tooLong, 1, POLICY)).toBeNull();
    expect(retryDelay(new PlatformError('telegram', 'rejected', 'no', { retryable: false }), 1, POLICY)).toBeNull();
    expect(retryDelay(new Error('socket hang up'), 2, POLICY, () => 1)).toBe(2_000);
  });

  it('retries until success or the attempts run out', async () => {
    const sleeps: number[] = [];
    const options = { ...POLICY, attempts: 3, random: () => 1, sleep: async (ms: number) => void sleeps.push(ms) };
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        if (calls < 3) throw new PlatformError('telegram', 'unavailable', '502', { retryable: true });
        return 'ok';
      }, options),
    ).resolves.toBe('ok');
    expect(sleeps).toEqual([1_000, 2_000]);
    await expect(
      withRetry(async () => {
        throw new PlatformError('telegram', 'unavailable', '502', { retryable: true });
      }, options),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(sleeps).toHaveLength(4);
  });
});

describe('one error vocabulary', () => {
  it('maps HTTP statuses to the same codes for every platform', () => {
    expect(codeForStatus(429)).toEqual({ code: 'rate_limited', retryable: true });
    expect(codeForStatus(503)).toEqual({ code: 'unavailable', retryable: true });
    expect(codeForStatus(401)).toEqual({ code: 'unauthorized', retryable: false });
    expect(codeForStatus(400)).toEqual({ code: 'rejected', retryable: false });
  });

  it('describes errors in one line with secrets redacted and no stack', () => {
    const leaky = new Error(
      'GET https://api.telegram.org/bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms/getMe\n  at x',
    );
    const described = describeError(leaky);
    expect(JSON.stringify(described)).not.toContain('AAEhBOweik6ad9r');
    expect(described).not.toHaveProperty('stack');
    expect(String(described.message)).not.toContain('\n');
    const limited = new PlatformError('telegram', 'rate_limited', 'Telegram sendMessage failed (429)', {
      retryable: true,
      retryAfterMs: 3_000,
      detail: 429,
    });
    expect(describeError(limited)).toMatchObject({
      platform: 'telegram',
      code: 'rate_limited',
      retryAfterMs: 3_000,
      detail: '429',
    });
    expect(errorLine(limited)).toBe('rate_limited: Telegram sendMessage failed (429)');
    expect(describeError(new InputError('empty', 'The question is empty.'))).toMatchObject({ code: 'empty' });
  });
});
