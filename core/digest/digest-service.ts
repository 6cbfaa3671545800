/** The DigestApi the adapters and the CLI call: subscribe, unsubscribe, status, list. */
import type { DigestApi, SubscriptionView } from '../api.ts';
import type { Clock } from '../ports/clock.ts';
import type { DigestStore, SubscriptionRecord } from '../ports/digest-store.ts';
import type { Logger } from '../ports/logger.ts';
import type { PlatformAdapter } from '../ports/platform.ts';
import { indexRuns, nextRunAt } from './schedule.ts';
import { parsePlatform, parseTargetId, validateSubscription } from './subscription-input.ts';
import { addDays, localDateTime, zonedInstant } from './time-zone.ts';

export interface DigestServiceDeps {
  store: DigestStore;
  /** The platforms wired here; their adapters check target and server ids. */
  platforms: readonly PlatformAdapter[];
  clock: Clock;
  logger: Logger;
}

/** Creates the DigestApi over a DigestStore. Input is validated before anything is written. */
export function createDigestService(deps: DigestServiceDeps): DigestApi {
  const { store, clock, logger, platforms } = deps;

  async function view(subscription: SubscriptionRecord): Promise<SubscriptionView> {
    const now = clock.now();
    const yesterday = addDays(localDateTime(now, subscription.timezone).date, -1);
    const runs = indexRuns(await store.runsOf(subscription.id, yesterday));
    const last = await store.latestRun(subscription.id);
    return {
      id: subscription.id,
      platform: subscription.platform,
      targetId: subscription.targetId,
      guildId: subscription.guildId,
      localTime: subscription.localTime,
      timezone: subscription.timezone,
      topic: subscription.topic,
      includeKeywords: subscription.includeKeywords,
      excludeKeywords: subscription.excludeKeywords,
      whenEmpty: subscription.whenEmpty,
      active: subscription.active,
      createdAt: subscription.createdAt,
      nextRunAt: subscription.active ? nextRunAt(subscription, runs, now).toISOString() : null,
      lastRun: last ? { localDate: last.localDate, status: last.status, error: last.lastError } : null,
    };
  }

  return {
    async subscribe(input) {
      const valid = validateSubscription(input, platforms);
      const now = clock.now();
      const todayAt = zonedInstant(localDateTime(now, valid.timezone).date, valid.localTime, valid.timezone);
      // createdAt is when the subscription takes effect; --now backdates it to today's time so today's is owed.
      const effective = input.firstToday && todayAt.getTime() < now.getTime() ? todayAt : now;
      const record = await store.upsertSubscription({ ...valid, createdAt: effective.toISOString() });
      logger.info(
        {
          platform: record.platform,
          targetId: record.targetId,
          localTime: record.localTime,
          timezone: record.timezone,
        },
        'digest subscription saved',
      );
      return view(record);
    },

    async unsubscribe(input) {
      const platform = parsePlatform(input.platform, platforms);
      const targetId = parseTargetId(platform, input.targetId);
      const removed = await store.deactivateTarget(platform.name, targetId, 'unsubscribed');
      if (removed) logger.info({ platform: platform.name, targetId }, 'digest subscription removed');
      return { removed };
    },

    async status(input) {
      const platform = parsePlatform(input.platform, platforms);
      const record = await store.activeSubscription(platform.name, parseTargetId(platform, input.targetId));
      return record ? view(record) : null;
    },

    async list() {
      return Promise.all((await store.listActiveSubscriptions()).map(view));
    },
  };
}
