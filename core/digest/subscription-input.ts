/** Validation of what people type when they subscribe: time, zone, platform, target, topic. */
import type { SubscribeInput } from '../api.ts';
import { InputError } from '../errors.ts';
import { validateUserText } from '../input.ts';
import type { NewSubscription, WhenEmpty } from '../ports/digest-store.ts';
import type { Platform } from '../ports/sender.ts';
import { parseKeywords } from './keywords.ts';
import { canonicalTimeZone } from './time-zone.ts';

/** Longest digest topic; a topic is a few words, not a question. */
export const MAX_TOPIC_CHARS = 200;

export const DEFAULT_TIMEZONE = 'UTC';

const PLATFORMS: readonly Platform[] = ['telegram', 'discord'];

/** A subscription request after validation: canonical zone, trimmed values, nulls for what is absent. */
export type ValidSubscription = Omit<NewSubscription, 'createdAt'>;

/** Checks a platform name. */
export function parsePlatform(value: unknown): Platform {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const platform = PLATFORMS.find((p) => p === name);
  if (!platform) {
    const shown = name === '' ? 'The platform is missing' : `Platform "${String(value).trim()}" is not supported`;
    throw new InputError('bad_platform', `${shown}. Use telegram or discord.`);
  }
  return platform;
}

/** Checks an HH:MM 24-hour time (08:00, 18:30); `8am`, `8:5`, `24:00` and `25:00` are rejected. */
export function parseLocalTime(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    const shown = text === '' ? 'The time is missing' : `"${text}" is not a valid time`;
    throw new InputError('bad_time', `${shown}. Use 24-hour HH:MM, from 00:00 to 23:59, e.g. 08:00 or 18:30.`);
  }
  return text;
}

/** Checks an IANA zone with Intl and returns its canonical name; blank means UTC. */
export function parseTimeZone(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return DEFAULT_TIMEZONE;
  const zone = canonicalTimeZone(text);
  if (zone === null) {
    throw new InputError('bad_timezone', `Unknown time zone "${text}". Use an IANA zone such as Europe/Berlin.`);
  }
  return zone;
}

/** Checks a chat or channel id: a Telegram chat id (or @channel) or a Discord snowflake. */
export function parseTargetId(platform: Platform, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (platform === 'telegram' && /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/.test(text)) return text;
  if (platform === 'discord' && /^\d{5,25}$/.test(text)) return text;
  const what =
    platform === 'telegram'
      ? 'a Telegram chat id (e.g. -1001234567890) or @channelname'
      : 'a Discord channel id (digits)';
  const shown = text === '' ? 'The target is missing' : `"${text}" is not a valid target`;
  throw new InputError('bad_target', `${shown}. Use ${what}.`);
}

function parseGuildId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  if (text === '') return null;
  if (!/^\d{5,25}$/.test(text)) {
    throw new InputError('bad_guild', `"${text}" is not a valid guild id. Use a Discord server id (digits).`);
  }
  return text;
}

/** An optional topic filter; blank means none. */
export function parseTopic(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const topic = validateUserText(value, 'topic');
  if (topic.length > MAX_TOPIC_CHARS) {
    throw new InputError(
      'too_long',
      `The topic is ${topic.length} characters long; please keep it to ${MAX_TOPIC_CHARS} (a few words).`,
    );
  }
  return topic;
}

/** `notice` (default: one short line when nothing is new) or `silent` (post nothing then). */
export function parseWhenEmpty(value: unknown): WhenEmpty {
  if (value === undefined || value === null || value === '') return 'notice';
  if (value === 'notice' || value === 'silent') return value;
  throw new InputError(
    'bad_when_empty',
    `"${String(value)}" is not a choice for days without new stories. Use notice (one short line) or silent (nothing).`,
  );
}

/** Validates a whole subscription request. Throws InputError with a message a person can act on. */
export function validateSubscription(input: SubscribeInput): ValidSubscription {
  const platform = parsePlatform(input.platform);
  const createdBy =
    typeof input.createdBy === 'string' && input.createdBy.trim() !== '' ? input.createdBy.trim() : null;
  return {
    platform,
    targetId: parseTargetId(platform, input.targetId),
    guildId: parseGuildId(input.guildId),
    localTime: parseLocalTime(input.localTime),
    timezone: parseTimeZone(input.timezone),
    topic: parseTopic(input.topic),
    createdBy,
    includeKeywords: parseKeywords(input.includeKeywords, 'include'),
    excludeKeywords: parseKeywords(input.excludeKeywords, 'exclude'),
    whenEmpty: parseWhenEmpty(input.whenEmpty),
  };
}
