import type { Reply } from '../reply.ts';

export type Platform = 'telegram' | 'discord';

/** The target is gone (blocked the bot, deleted, no access): an expected miss, not an error. */
export type SendOutcome = { status: 'sent'; messageIds: string[] } | { status: 'gone'; reason: string };

/**
 * Delivers a Reply to a chat or channel on one platform (digest delivery).
 * Throws PlatformError for failures worth retrying or reporting.
 */
export interface Sender {
  readonly platform: Platform;
  send(targetId: string, reply: Reply): Promise<SendOutcome>;
}
