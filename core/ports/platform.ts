/**
 * The one port a chat platform implements for core. Core and the database know a platform only by its
 * opaque name; how its chats are identified, how its people are told to stop a digest and how digests
 * reach it all live in the platform's adapter folder.
 */
import type { Sender } from './sender.ts';

/** A platform's name, as stored with subscriptions and in conversation ids: opaque to core ('telegram', 'discord', …). */
export type Platform = string;

export interface PlatformAdapter {
  readonly name: Platform;
  /**
   * A chat or channel id as a person types it for a digest subscription, returned canonical; throws
   * InputError in the platform's own words. Absent on platforms that take no digests (the console).
   */
  parseTargetId?(value: string): string;
  /** A server (guild) id; throws InputError when the platform has none or the value is not one. */
  parseGroupId(value: string): string;
  /** The conversation id of a user in a chat or channel of this platform (memory, follow-ups, /why). */
  conversationId(place: string, user: string): string;
  /** How a reader stops digests on this platform, e.g. "To stop these digests, send /unsubscribe." */
  readonly unsubscribeHint: string;
  /** Delivers digests; absent where the platform is not configured here (no token). */
  readonly sender?: Sender;
}
