import type { Platform, Sender } from '../../core/ports/sender.ts';

/**
 * A digest Sender whose platform client is loaded on the first delivery: discord.js and grammY take a quarter to
 * half a second to import, which a command line or a console chat that never posts should not pay.
 */
export function lazySender(
  platform: Platform,
  wording: { unsubscribeHint: string; digestChars: number; idempotencyWindowMs?: number },
  load: () => Promise<Sender>,
): Sender {
  let real: Promise<Sender> | undefined;
  return {
    platform,
    ...wording,
    async prepare(targetId, reply) {
      real ??= load();
      return (await real).prepare(targetId, reply);
    },
  };
}
