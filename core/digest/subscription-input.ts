/**
 * Validation of what people type when they subscribe: time, zone, platform, target, topic. Target and
 * server ids are checked by the platform's adapter (core knows no platform id format).
 */
import type { SubscribeInput } from '../api.ts';
import { InputError } from '../errors.ts';
import { validateUserText } from '../input.ts';
import type { NewSubscription, WhenEmpty } from '../ports/digest-store.ts';
import type { PlatformAdapter } from '../ports/platform.ts';
import { parseKeywords } from './keywords.ts';
import { canonicalTimeZone } from './time-zone.ts';

/** Longest digest topic; a topic is a few words, not a question. */
export const MAX_TOPIC_CHARS = 200;

export const DEFAULT_TIMEZONE = 'UTC';

/** A subscription request after validation: canonical zone, trimmed values, nulls for what is absent. */
export type ValidSubscription = Omit<NewSubscription, 'createdAt'>;

/** A platform that takes digest subscriptions. */
export type DigestPlatform = PlatformAdapter & Required<Pick<PlatformAdapter, 'parseTargetId'>>;

/** "telegram or discord": the platforms that take digests, for messages. */
function names(platforms: readonly PlatformAdapter[]): string {
  const list = platforms.filter((p) => p.parseTargetId).map((p) => p.name);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : (list[0] ?? 'none');
}

/** Checks a platform name against the platforms wired here that take digests. */
export function parsePlatform(value: unknown, platforms: readonly PlatformAdapter[]): DigestPlatform {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const platform = platforms.find((p) => p.name === name);
  if (!platform?.parseTargetId) {
    const shown = name === '' ? 'The platform is missing' : `Platform "${String(value).trim()}" is not supported`;
    throw new InputError('bad_platform', `${shown}. Use ${names(platforms)}.`);
  }
  return platform as DigestPlatform;
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

/** Checks a chat or channel id in the platform's own terms (its adapter knows the format). */
export function parseTargetId(platform: DigestPlatform, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return platform.parseTargetId(text);
}

function parseGroupId(platform: PlatformAdapter, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : platform.parseGroupId(text);
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
export function validateSubscription(input: SubscribeInput, platforms: readonly PlatformAdapter[]): ValidSubscription {
  const platform = parsePlatform(input.platform, platforms);
  const createdBy =
    typeof input.createdBy === 'string' && input.createdBy.trim() !== '' ? input.createdBy.trim() : null;
  return {
    platform: platform.name,
    targetId: parseTargetId(platform, input.targetId),
    guildId: parseGroupId(platform, input.guildId),
    localTime: parseLocalTime(input.localTime),
    timezone: parseTimeZone(input.timezone),
    topic: parseTopic(input.topic),
    createdBy,
    includeKeywords: parseKeywords(input.includeKeywords, 'include'),
    excludeKeywords: parseKeywords(input.excludeKeywords, 'exclude'),
    whenEmpty: parseWhenEmpty(input.whenEmpty),
  };
}
