import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consolePlatform } from '../../adapters/console/console-platform.ts';
import { discordPlatform } from '../../adapters/discord/discord-platform.ts';
import { telegramPlatform } from '../../adapters/telegram/telegram-platform.ts';
import { loadConfig } from '../../bot/config.ts';
import { createPlatforms, sendersOf } from '../../bot/platforms.ts';
import { InputError } from '../../core/errors.ts';

const CORE = fileURLToPath(new URL('../../core/', import.meta.url));

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('platform adapters', () => {
  it('each checks its own target ids, in its own words', () => {
    const telegram = telegramPlatform();
    const discord = discordPlatform();
    expect(telegram.parseTargetId?.('-1001234567890')).toBe('-1001234567890');
    expect(telegram.parseTargetId?.('@attache_news')).toBe('@attache_news');
    expect(() => telegram.parseTargetId?.('general')).toThrow(/Telegram chat id/);
    expect(discord.parseTargetId?.('123456789012345678')).toBe('123456789012345678');
    expect(() => discord.parseTargetId?.('@attache_news')).toThrow(/Discord channel id/);
    expect(discord.parseGroupId('987654321098765432')).toBe('987654321098765432');
    expect(() => telegram.parseGroupId('987654321098765432')).toThrow(InputError);
    expect(consolePlatform().parseTargetId).toBeUndefined();
  });

  it('make their own conversation ids and unsubscribe wording', () => {
    expect(telegramPlatform().conversationId('-100', '7')).toBe('telegram:-100:7');
    expect(discordPlatform().conversationId('523', '42')).toBe('discord:523:42');
    expect(consolePlatform().conversationId('1234', '')).toBe('console:1234');
    expect(telegramPlatform().unsubscribeHint).toMatch(/send \/unsubscribe/);
    expect(discordPlatform().unsubscribeHint).toMatch(/\/digest unsubscribe/);
  });

  it('carry a digest sender only where a token is configured', () => {
    const none = createPlatforms(loadConfig({ DATABASE_PATH: ':memory:' }));
    expect(none.map((p) => p.name)).toEqual(['telegram', 'discord', 'console']);
    expect(sendersOf(none)).toEqual([]);
    const withTokens = createPlatforms(
      loadConfig({
        DATABASE_PATH: ':memory:',
        TELEGRAM_BOT_TOKEN: '123:abc',
        DISCORD_TOKEN: 'x.y.z',
        DISCORD_APPLICATION_ID: '123456789012345678',
      }),
    );
    expect(sendersOf(withTokens).map((s) => [s.platform, s.unsubscribeHint])).toEqual([
      ['telegram', telegramPlatform().unsubscribeHint],
      ['discord', discordPlatform().unsubscribeHint],
    ]);
  });

  it('leave core without platform names, id formats or command wording in its code', () => {
    const offenders = coreFiles().flatMap((file) => {
      // Comments may name platforms; code may not.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      return /['"`](telegram|discord)\b|\b(telegram|discord)\s*:|\/unsubscribe|snowflake|chat id/i.test(code)
        ? [file]
        : [];
    });
    expect(offenders).toEqual([]);
  });
});
