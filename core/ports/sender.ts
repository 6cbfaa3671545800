import type { Reply } from '../reply.ts';
import type { Platform } from './platform.ts';

export type { Platform } from './platform.ts';

/** The target is gone (blocked the bot, deleted, no access): an expected miss, not an error. */
export type SendOutcome = { status: 'sent'; messageIds: string[] } | { status: 'gone'; reason: string };

/**
 * Delivers a Reply to a chat or channel on one platform (digest delivery).
 * Throws PlatformError for failures worth retrying or reporting.
 */
export interface Sender {
  readonly platform: Platform;
  /** How a reader stops these digests on the platform (the digest's footer line). */
  readonly unsubscribeHint: string;
  /** Characters a digest's stories may take in one post on the platform (its message limit, less the heading and sources). */
  readonly digestChars?: number;
  send(targetId: string, reply: Reply): Promise<SendOutcome>;
}
