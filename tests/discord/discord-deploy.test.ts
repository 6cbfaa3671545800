import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordDeployCommand } from '../../bot/cli/discord-deploy-command.ts';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord.ts';
import { runCli } from './run-process.ts';

/** Runs the command in this process (as bot/cli.ts would), capturing its output. */
async function deployInProcess(vars: Record<string, string>) {
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    return { stream, text: () => text };
  };
  const [stdout, stderr] = [capture(), capture()];
  const context = {
    config: loadConfig(vars),
    logger: createLogger('silent', []),
    app: () => {
      throw new Error('discord:deploy must not open the database');
    },
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
  };
  const code = await discordDeployCommand.run(['--json'], context);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

interface CommandJson {
  name: string;
  description: string;
  options?: {
    name: string;
    type: number;
    required?: boolean;
    autocomplete?: boolean;
    options?: CommandJson['options'];
  }[];
  default_member_permissions?: string | null;
  dm_permission?: boolean;
  contexts?: number[];
}

const env = () => ({
  DISCORD_TOKEN: fake.token,
  DISCORD_APPLICATION_ID: fake.applicationId,
  DISCORD_API_ROOT: fake.apiRoot,
  DATABASE_PATH: ':memory:',
});

describe('discord:deploy', () => {
  it('registers every command in the guild with one PUT and prints them', async () => {
    const run = await runCli(['discord:deploy'], { ...env(), DISCORD_GUILD_ID: '423456789012345678' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [put] = fake.find('PUT', /^\/api\/v10\/applications\/\d+\/guilds\/423456789012345678\/commands$/);
    expect(put?.headers.authorization).toBe(`Bot ${fake.token}`);
    const commands = put?.body as CommandJson[];
    expect(commands.map((c) => c.name)).toEqual([
      'brief',
      'ask',
      'more',
      'sources',
      'timeline',
      'why',
      'digest',
      'feeds',
      'help',
    ]);
    expect(run.stdout).toMatch(/^Registered 9 slash commands in guild 423456789012345678:/);
    expect(run.stdout).toContain('/digest');

    const byName = new Map(commands.map((c) => [c.name, c]));
    const digest = byName.get('digest');
    expect(digest?.default_member_permissions).toBe('32');
    expect(digest?.dm_permission).toBe(false);
    expect(digest?.contexts).toEqual([0]);
    const subscribe = digest?.options?.find((o) => o.name === 'subscribe');
    expect(subscribe?.type).toBe(1);
    expect(subscribe?.options?.map((o) => [o.name, o.required ?? false])).toEqual([
      ['time', true],
      ['timezone', false],
      ['topic', false],
      ['include', false],
      ['exclude', false],
      ['when_empty', false],
      ['channel', false],
    ]);
    expect(subscribe?.options?.find((o) => o.name === 'timezone')?.autocomplete).toBe(true);
    expect(digest?.options?.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe', 'status']);
    expect(byName.get('ask')?.options?.[0]).toMatchObject({ name: 'question', type: 3, required: true });
    expect(byName.get('brief')?.options?.[0]).toMatchObject({ name: 'topic', autocomplete: true });
    expect(byName.get('brief')?.default_member_permissions ?? null).toBeNull();
  });

  it('registers globally when no guild is set, and fails clearly without a token', async () => {
    const global = await deployInProcess(env());
    expect(global.code).toBe(0);
    expect(fake.find('PUT', /^\/api\/v10\/applications\/\d+\/commands$/)).toHaveLength(1);
    const printed = JSON.parse(global.stdout) as { scope: string; commands: { name: string; id: string }[] };
    expect(printed.scope).toBe('global');
    expect(printed.commands.map((c) => c.name)).toEqual([
      'brief',
      'ask',
      'more',
      'sources',
      'timeline',
      'why',
      'digest',
      'feeds',
      'help',
    ]);

    const missing = await deployInProcess({ DATABASE_PATH: ':memory:' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs DISCORD_TOKEN and DISCORD_APPLICATION_ID/);

    const refused = await deployInProcess({ ...env(), DISCORD_TOKEN: 'wrong-token-value' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/discord:deploy failed: Discord answered 401/);
    expect(refused.stderr).not.toContain('wrong-token-value');
  });
});
