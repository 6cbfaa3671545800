import { describe, expect, it } from 'vitest';
import { consolePlatform } from '../../adapters/console/console-platform.ts';
import { discordPlatform } from '../../adapters/discord/discord-platform.ts';
import { telegramPlatform } from '../../adapters/telegram/telegram-platform.ts';
import { parseKeywords } from '../../core/digest/keywords.ts';
import {
  parseLocalTime,
  parsePlatform,
  parseTargetId,
  parseTimeZone,
  parseTopic,
  parseWhenEmpty,
  validateSubscription,
} from '../../core/digest/subscription-input.ts';
import { InputError } from '../../core/errors.ts';

const PLATFORMS = [telegramPlatform(), discordPlatform(), consolePlatform()];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('subscription input', () => {
  it('accepts 24-hour HH:MM times', () => {
    expect(parseLocalTime('08:00')).toBe('08:00');
    expect(parseLocalTime(' 23:59 ')).toBe('23:59');
    expect(parseLocalTime('00:00')).toBe('00:00');
  });

  it.each(['25:00', '8am', '8:5', '24:00', '08:60', '8:00', '0800', ''])(
    'rejects the time "%s" with a clear message',
    (time) => {
      const message = messageOf(() => parseLocalTime(time));
      expect(message).toContain('Use 24-hour HH:MM');
      if (time !== '') expect(message).toContain(`"${time}" is not a valid time`);
    },
  );

  it('accepts IANA zones through Intl, normalising their case, with UTC by default', () => {
    expect(parseTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(parseTimeZone(undefined)).toBe('UTC');
    expect(parseTimeZone('  ')).toBe('UTC');
  });

  it('rejects an unknown zone with the message people see', () => {
    expect(messageOf(() => parseTimeZone('Mars/Olympus'))).toBe(
      'Unknown time zone "Mars/Olympus". Use an IANA zone such as Europe/Berlin.',
    );
  });

  it('checks platform and target ids', () => {
    const telegram = parsePlatform('Telegram', PLATFORMS);
    const discord = parsePlatform('discord', PLATFORMS);
    expect(telegram.name).toBe('telegram');
    // The console takes no digests, so it is not offered.
    expect(messageOf(() => parsePlatform('slack', PLATFORMS))).toBe(
      'Platform "slack" is not supported. Use telegram or discord.',
    );
    expect(messageOf(() => parsePlatform('console', PLATFORMS))).toMatch(/not supported/);
    expect(messageOf(() => parsePlatform(undefined, PLATFORMS))).toBe(
      'The platform is missing. Use telegram or discord.',
    );
    expect(parseTargetId(telegram, '-1001234567890')).toBe('-1001234567890');
    expect(parseTargetId(telegram, '@attache_news')).toBe('@attache_news');
    expect(parseTargetId(discord, '123456789012345678')).toBe('123456789012345678');
    expect(messageOf(() => parseTargetId(discord, 'general'))).toContain('"general" is not a valid target');
    expect(messageOf(() => parseTargetId(telegram, ''))).toContain('The target is missing');
  });

  it('treats a blank topic as none and rejects an overlong one', () => {
    expect(parseTopic('  ')).toBeNull();
    expect(parseTopic(' NATO ')).toBe('NATO');
    expect(messageOf(() => parseTopic('x'.repeat(201)))).toContain('201 characters');
  });

  it('validates a whole request', () => {
    expect(
      validateSubscription(
        {
          platform: 'discord',
          targetId: '123456789012345678',
          guildId: '987654321098765432',
          localTime: '07:15',
          timezone: 'america/new_york',
          topic: 'sanctions',
          includeKeywords: 'Arms  Control, NATO, nato',
          excludeKeywords: ['Sport'],
          whenEmpty: 'silent',
        },
        PLATFORMS,
      ),
    ).toEqual({
      platform: 'discord',
      targetId: '123456789012345678',
      guildId: '987654321098765432',
      localTime: '07:15',
      timezone: 'America/New_York',
      topic: 'sanctions',
      createdBy: null,
      includeKeywords: ['arms control', 'nato'],
      excludeKeywords: ['sport'],
      whenEmpty: 'silent',
    });
  });

  it('takes keywords as plain words and phrases, never patterns, and checks the empty-day choice', () => {
    expect(parseKeywords('Zürich talks, "Élysée"', 'include')).toEqual(['zurich talks', 'elysee']);
    expect(parseKeywords('a.*b', 'exclude')).toEqual(['a b']);
    expect(messageOf(() => parseKeywords('***', 'exclude'))).toContain('has no letters or digits');
    expect(messageOf(() => parseKeywords('x'.repeat(61), 'include'))).toContain('60 characters');
    expect(
      messageOf(() =>
        parseKeywords(
          Array.from({ length: 11 }, (_, i) => `w${i}`),
          'include',
        ),
      ),
    ).toContain('at most 10');
    expect(messageOf(() => parseKeywords(42, 'include'))).toContain('separated by commas');
    expect(parseWhenEmpty(undefined)).toBe('notice');
    expect(messageOf(() => parseWhenEmpty('never'))).toContain('Use notice');
  });
});
