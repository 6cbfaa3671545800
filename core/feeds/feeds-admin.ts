import { InputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedRecord, FeedStore } from '../ports/feed-store.ts';
import { formatInterval, parseFeedUrl, parseInterval } from './feed-input.ts';

/** A chat command's answer: plain lines the adapter renders; ok is false for a refusal or bad input. */
export interface FeedsAdminReply {
  ok: boolean;
  lines: string[];
}

/** Feed management from chat, for the operator's admins only (BOT_ADMINS). `user` is the adapter's qualified id. */
export interface FeedsAdminApi {
  isAdmin(user: string): boolean;
  add(user: string, input: { url: string; every?: string | null; outlet?: string | null }): Promise<FeedsAdminReply>;
  list(user: string): Promise<FeedsAdminReply>;
  remove(user: string, target: string): Promise<FeedsAdminReply>;
}

/** One line per feed: id, URL, outlet, interval and its state (last error when failing). */
export function describeFeed(feed: FeedRecord): string {
  const name = feed.outlet ?? feed.title;
  const state = feed.lastError
    ? `failing (${feed.failures}×): ${feed.lastError}`
    : feed.lastPolledAt
      ? `ok, last polled ${feed.lastPolledAt.slice(0, 16).replace('T', ' ')} UTC`
      : 'not polled yet';
  return `#${feed.id} ${feed.url}${name ? ` (${name})` : ''} — every ${formatInterval(feed.everyMinutes)}; ${state}`;
}

const NOT_ADMIN: FeedsAdminReply = { ok: false, lines: ["Only the bot's administrators can manage feeds."] };

export function createFeedsAdmin(deps: { store: FeedStore; admins: readonly string[]; clock: Clock }): FeedsAdminApi {
  const admins = new Set(deps.admins);
  const guarded = async (user: string, work: () => Promise<FeedsAdminReply>): Promise<FeedsAdminReply> => {
    if (!admins.has(user)) return NOT_ADMIN;
    try {
      return await work();
    } catch (error) {
      if (error instanceof InputError) return { ok: false, lines: [error.message] };
      throw error;
    }
  };
  return {
    isAdmin: (user) => admins.has(user),
    add: (user, input) =>
      guarded(user, async () => {
        const { feed, created } = await deps.store.addFeed(
          {
            url: parseFeedUrl(input.url),
            outlet: input.outlet?.trim().slice(0, 100) || null,
            everyMinutes: parseInterval(input.every || '30m'),
          },
          deps.clock.now(),
        );
        return { ok: true, lines: [created ? 'Feed added:' : 'Already followed:', describeFeed(feed)] };
      }),
    list: (user) =>
      guarded(user, async () => {
        const feeds = await deps.store.listFeeds();
        return { ok: true, lines: feeds.length === 0 ? ['No feeds yet.'] : feeds.map(describeFeed) };
      }),
    remove: (user, target) =>
      guarded(user, async () => {
        const key = target.trim().replace(/^#/, '');
        if (!key) throw new InputError('usage', 'Say which feed to remove: its #id or URL.');
        const removed = await deps.store.removeFeed(key);
        return { ok: removed, lines: [removed ? `Feed ${target.trim()} removed.` : `No feed ${target.trim()}.`] };
      }),
  };
}
