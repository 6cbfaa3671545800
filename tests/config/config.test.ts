import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.ts';
import { ConfigError } from '../../core/errors.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.databasePath).toBe('./data/attache.db');
    expect(config.seedsDir).toBe('./seeds');
    expect(config.logLevel).toBe('info');
    expect(config.engine).toBe('extractive');
    expect(config.anthropic.timeoutMs).toBe(20_000);
    expect(config.discord.apiRoot).toBe('https://discord.com/api');
  });

  it('chooses Claude in auto mode only when a key is set', () => {
    expect(loadConfig({ ANTHROPIC_API_KEY: 'sk-test-123456' }).engine).toBe('claude');
    expect(loadConfig({ ENGINE: 'extractive', ANTHROPIC_API_KEY: 'sk-test-123456' }).engine).toBe('extractive');
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ENGINE: 'gpt' }, 'ENGINE'],
    [{ ANTHROPIC_TIMEOUT_MS: '-5' }, 'ANTHROPIC_TIMEOUT_MS'],
    [{ ANTHROPIC_TIMEOUT_MS: 'soon' }, 'ANTHROPIC_TIMEOUT_MS'],
    [{ TELEGRAM_API_ROOT: 'not a url' }, 'TELEGRAM_API_ROOT'],
    [{ DISCORD_API_ROOT: 'nope' }, 'DISCORD_API_ROOT'],
    [{ PORT: '0' }, 'PORT'],
    [{ DISCORD_TOKEN: 'secret-discord-token' }, 'DISCORD_APPLICATION_ID'],
    [{ ENGINE: 'claude' }, 'ANTHROPIC_API_KEY'],
    [{ DISCORD_GUILD_ID: 'guild' }, 'DISCORD_GUILD_ID'],
    [{ DISCORD_SHARDS: '2/2' }, 'DISCORD_SHARDS'],
    [{ DISCORD_SHARDS: '0,0/2' }, 'DISCORD_SHARDS'],
    [{ DISCORD_SHARDS: 'auto' }, 'DISCORD_SHARDS'],
    [{ DISCORD_SHARDS: '1/0' }, 'DISCORD_SHARDS'],
  ])('rejects %o naming %s in one line', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
  });

  it('reads DISCORD_SHARDS as the shard ids of this process, of a total', () => {
    expect(loadConfig({}).discord.shards).toBeUndefined();
    expect(loadConfig({ DISCORD_SHARDS: '1/2' }).discord.shards).toEqual({ ids: [1], count: 2 });
    expect(loadConfig({ DISCORD_SHARDS: '0,2-3/4' }).discord.shards).toEqual({ ids: [0, 2, 3], count: 4 });
  });

  it('never echoes a secret value in the message', () => {
    const error = configError({ DISCORD_TOKEN: 'secret-discord-token', TELEGRAM_WEBHOOK_SECRET: 'bad secret!' });
    expect(error.message).not.toContain('secret-discord-token');
    expect(error.message).not.toContain('bad secret!');
  });
});
