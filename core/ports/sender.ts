import type { Reply } from '../reply.ts';
import type { Platform } from './platform.ts';

export type { Platform } from './platform.ts';

/**
 * One message of a delivery posted (its platform id), or the target is gone (blocked the bot, deleted, no access):
 * an expected miss, not an error.
 */
export type PartOutcome = { status: 'sent'; messageId: string } | { status: 'gone'; reason: string };

/**
 * A Reply rendered for one target: the messages it becomes on the platform, in order, each posted by its own call,
 * so the caller can record each one as it is confirmed and resume from the first one that was not.
 */
export interface Delivery {
  /** How many messages (parts) the reply became. */
  readonly parts: number;
  /**
   * Posts part `index` (0-based). `idempotencyKey` names that part of that digest: a caller posting the same part
   * again (a retry, or another process taking over) gives the same key. On a platform with `idempotencyWindowMs`
   * the repeated post returns the first message instead of creating a second one. Throws PlatformError for failures
   * worth retrying or reporting.
   */
  send(index: number, idempotencyKey: string): Promise<PartOutcome>;
}

/** Delivers Replies to chats or channels on one platform (digest delivery). */
export interface Sender {
  readonly platform: Platform;
  /** How a reader stops these digests on the platform (the digest's footer line). */
  readonly unsubscribeHint: string;
  /** Characters a digest's stories may take in one post on the platform (its message limit, less the heading and sources). */
  readonly digestChars?: number;
  /**
   * How long after a post the platform still recognises its idempotency key (a repeated post within it creates
   * nothing new). Undefined: the platform has no such key, so posting a part again may show it twice.
   */
  readonly idempotencyWindowMs?: number;
  /** Renders `reply` for `targetId` (a target the platform cannot have is reported gone by the first send). */
  prepare(targetId: string, reply: Reply): Promise<Delivery>;
}
