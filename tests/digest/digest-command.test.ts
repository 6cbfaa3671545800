import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import type { CliContext } from '../../bot/cli/command.ts';
import { digestCommand } from '../../bot/cli/digest-command.ts';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { localDateTime } from '../../core/digest/time-zone.ts';
import { tempDir } from './digest-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'seeds');

let dir: ReturnType<typeof tempDir>;
let app: App | undefined;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  app?.close();
  app = undefined;
  dir.cleanup();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; dbPath: string }> {
  const dbPath = join(dir.dir, 'cli.db');
  const config = loadConfig({ DATABASE_PATH: dbPath, SEEDS_DIR: SEEDS, ENGINE: 'extractive' });
  const logger = createLogger('silent');
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk) => (stdout += chunk));
  err.on('data', (chunk) => (stderr += chunk));
  const context: CliContext = {
    config,
    logger,
    app: async () => {
      app ??= await createApp(config, logger);
      return app;
    },
    stdin: new PassThrough(),
    stdout: out,
    stderr: err,
  };
  const code = await digestCommand.run(args, context);
  return { code, stdout, stderr, dbPath };
}

const subscribeArgs = (time: string, tz = 'Europe/Berlin') => [
  'subscribe',
  '--platform',
  'telegram',
  '--target',
  '1001',
  '--time',
  time,
  '--tz',
  tz,
];

describe('digest CLI', () => {
  it.each([
    [
      '25:00',
      'Europe/Berlin',
      '"25:00" is not a valid time. Use 24-hour HH:MM, from 00:00 to 23:59, e.g. 08:00 or 18:30.',
    ],
    ['8am', 'Europe/Berlin', '"8am" is not a valid time. Use 24-hour HH:MM'],
    ['8:5', 'Europe/Berlin', '"8:5" is not a valid time.'],
    ['24:00', 'Europe/Berlin', '"24:00" is not a valid time.'],
    ['08:00', 'Mars/Olympus', 'Unknown time zone "Mars/Olympus". Use an IANA zone such as Europe/Berlin.'],
  ])('rejects --time %s --tz %s with a clear message, exit code 2, nothing written', async (time, tz, message) => {
    const result = await cli(subscribeArgs(time, tz));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Error: ${message}`);
    expect(result.stdout).toBe('');
    expect(existsSync(result.dbPath)).toBe(false);
  });

  it('prints input errors as JSON with --json', async () => {
    const result = await cli([...subscribeArgs('8am'), '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'bad_time',
        message: '"8am" is not a valid time. Use 24-hour HH:MM, from 00:00 to 23:59, e.g. 08:00 or 18:30.',
      },
    });
  });

  it('rejects unknown options, sub-commands and a bad --at', async () => {
    expect(await cli(['subscribe', '--when', '08:00'])).toMatchObject({ code: 2 });
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown digest command "frobnicate"');
    const at = await cli(['run-due', '--at', 'tomorrow']);
    expect(at.code).toBe(2);
    expect(at.stderr).toContain('"tomorrow" is not an ISO-8601 instant');
    expect((await cli(['run-due', '--at', '2026-01-10T08:00'])).code).toBe(2);
  });

  it('takes include / exclude keywords and the empty-day choice, and lists them', async () => {
    const args = [...subscribeArgs('08:00'), '--include', 'Arms control, NATO', '--include', 'sanctions'];
    const subscribed = await cli([...args, '--exclude', 'sport', '--when-empty', 'silent', '--json']);
    expect(subscribed.code).toBe(0);
    expect(JSON.parse(subscribed.stdout)).toMatchObject({
      includeKeywords: ['arms control', 'nato', 'sanctions'],
      excludeKeywords: ['sport'],
      whenEmpty: 'silent',
    });
    expect((await cli(['list'])).stdout).toContain(
      '   Only stories with: arms control, nato, sanctions. Never stories with: sport. Nothing is posted on days without new stories.',
    );
    const bad = await cli([...subscribeArgs('08:00'), '--when-empty', 'never']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Use notice (one short line) or silent (nothing)');
    // Subscribing again replaces every option.
    const again = await cli([...subscribeArgs('09:00'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ includeKeywords: [], excludeKeywords: [], whenEmpty: 'notice' });
  });

  it('subscribes, lists, runs what is due (no platform token: left unclaimed) and unsubscribes', async () => {
    const subscribed = await cli([...subscribeArgs('08:00', 'europe/berlin'), '--topic', 'NATO', '--json']);
    expect(subscribed.code).toBe(0);
    expect(JSON.parse(subscribed.stdout)).toMatchObject({
      platform: 'telegram',
      timezone: 'Europe/Berlin',
      topic: 'NATO',
    });

    const list = await cli(['list']);
    expect(list.stdout).toMatch(/^#\d+ telegram:1001 daily at 08:00 Europe\/Berlin, topic "NATO"; next /);

    // The first digest is the next 08:00 in Berlin after subscribing (today's or tomorrow's).
    const first = new Date((JSON.parse(subscribed.stdout) as { nextRunAt: string }).nextRunAt);
    const justBefore = new Date(first.getTime() - 60_000).toISOString();
    const before = await cli(['run-due', '--at', justBefore]);
    expect(before).toMatchObject({ code: 0, stdout: `Nothing due at ${justBefore}.\n` });
    const due = await cli(['run-due', '--at', first.toISOString(), '--json']);
    expect(JSON.parse(due.stdout)).toMatchObject({
      at: first.toISOString(),
      items: [{ outcome: 'no-sender', platform: 'telegram', localDate: localDateTime(first, 'Europe/Berlin').date }],
    });

    const removed = await cli(['unsubscribe', '--platform', 'telegram', '--target', '1001']);
    expect(removed).toMatchObject({ code: 0, stdout: 'Unsubscribed telegram:1001.\n' });
    expect((await cli(['list'])).stdout).toBe('No active digest subscriptions.\n');
  });

  it('takes a negative Telegram chat id as a separate --target argument and says when the first digest comes', async () => {
    const result = await cli(['subscribe', '--platform', 'telegram', '--target', '-1001234567890', '--time', '08:00']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('telegram:-1001234567890 daily at 08:00 UTC');
    expect(result.stdout).toMatch(/\nFirst digest: (today|tomorrow), \w+day,? \d{1,2} \w+ \d{4} at 08:00 UTC \(in \d/);
    const now = await cli(['subscribe', '--platform', 'telegram', '--target', '-42', '--time', '00:00', '--now']);
    expect(now.stdout).toContain('First digest: today, now (00:00 UTC has passed)');
  });

  it('exits with code 2 through the real CLI entry point, writing nothing', async () => {
    const run = promisify(execFile);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_PATH: join(dir.dir, 'spawn.db'),
      SEEDS_DIR: SEEDS,
      ENGINE: 'extractive',
    };
    for (const key of ['TELEGRAM_BOT_TOKEN', 'DISCORD_TOKEN', 'ANTHROPIC_API_KEY']) delete env[key];
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const bad = await run(tsx, ['bot/cli.ts', 'digest', ...subscribeArgs('08:00', 'Mars/Olympus')], {
      cwd: ROOT,
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 2 });
    expect('stderr' in bad ? bad.stderr : '').toContain('Unknown time zone "Mars/Olympus"');
    expect(existsSync(join(dir.dir, 'spawn.db'))).toBe(false);
  });
});
