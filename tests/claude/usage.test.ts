import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import { usageCommand } from '../../bot/cli/usage-command.ts';
import { loadConfig } from '../../bot/config.ts';
import type { UsageRecord } from '../../core/ports/usage-store.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createUsageRepository } from '../../db/repositories/usage-repository.ts';
import { bufferLogger } from './seeded-corpus.ts';

function row(createdAt: string, model: string, inputTokens: number, outputTokens: number): UsageRecord {
  return { createdAt, engine: 'claude', kind: 'answer', model, inputTokens, outputTokens };
}

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('usage repository', () => {
  it('sums replies and tokens per UTC day and model', async () => {
    const database = openDatabase(':memory:');
    const usage = createUsageRepository(database.db);
    await usage.record(row('2022-01-10T23:59:59.000Z', 'claude-sonnet-4-6', 1_000, 100));
    await usage.record(row('2022-01-10T08:00:00.000Z', 'claude-sonnet-4-6', 2_000, 150));
    await usage.record(row('2022-01-10T09:00:00.000Z', 'claude-haiku-4-5', 500, 50));
    await usage.record(row('2022-01-11T00:00:00.000Z', 'claude-sonnet-4-6', 1_500, 120));

    expect(await usage.dailyTotals()).toEqual([
      { day: '2022-01-10', model: 'claude-haiku-4-5', replies: 1, inputTokens: 500, outputTokens: 50 },
      { day: '2022-01-10', model: 'claude-sonnet-4-6', replies: 2, inputTokens: 3_000, outputTokens: 250 },
      { day: '2022-01-11', model: 'claude-sonnet-4-6', replies: 1, inputTokens: 1_500, outputTokens: 120 },
    ]);
    database.close();
  });

  it('has no totals before any reply', async () => {
    const database = openDatabase(':memory:');
    expect(await createUsageRepository(database.db).dailyTotals()).toEqual([]);
    database.close();
  });
});

describe('usage command', () => {
  let app: App | undefined;
  afterEach(() => app?.close());

  async function runUsage(args: string[], records: UsageRecord[]) {
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEEDS_DIR: '/nonexistent-seeds', ENGINE: 'extractive' });
    const { logger } = bufferLogger();
    const opened = await createApp(config, logger);
    app = opened;
    const usage = createUsageRepository(opened.database.db);
    for (const r of records) await usage.record(r);
    const stdout = sink();
    const stderr = sink();
    const code = await usageCommand.run(args, {
      config,
      logger,
      app: async () => opened,
      stdin: process.stdin,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  const records = [
    row('2022-01-10T08:00:00.000Z', 'claude-sonnet-4-6', 12_345, 678),
    row('2022-01-10T09:00:00.000Z', 'claude-sonnet-4-6', 1_000, 22),
    row('2022-01-11T09:00:00.000Z', 'claude-sonnet-4-6', 900, 100),
  ];

  it('prints a table of totals per day and model with a total line', async () => {
    const { code, stdout } = await runUsage([], records);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Claude token usage per day (UTC):');
    expect(lines[1]).toMatch(/^day\s+model\s+replies\s+input tokens\s+output tokens$/);
    expect(lines[2]).toMatch(/^2022-01-10\s+claude-sonnet-4-6\s+2\s+13,345\s+700$/);
    expect(lines[3]).toMatch(/^2022-01-11\s+claude-sonnet-4-6\s+1\s+900\s+100$/);
    expect(lines[4]).toMatch(/^total\s+3\s+14,245\s+800$/);
  });

  it('prints the same totals as JSON with --json', async () => {
    const { code, stdout } = await runUsage(['--json'], records);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { day: '2022-01-10', model: 'claude-sonnet-4-6', replies: 2, inputTokens: 13_345, outputTokens: 700 },
      { day: '2022-01-11', model: 'claude-sonnet-4-6', replies: 1, inputTokens: 900, outputTokens: 100 },
    ]);
  });

  it('says so when nothing was recorded', async () => {
    const { code, stdout } = await runUsage([], []);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('No Claude usage recorded yet.');
  });
});
