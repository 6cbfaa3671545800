import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, plainLogLine } from '../../bot/logger.ts';
import { startProcess } from '../discord/run-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'attache-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('console mode logging', () => {
  it('npm start without tokens keeps stderr free of logs: seeding a new database says nothing', async () => {
    const run = await startProcess('bot/main.ts', [], { DATABASE_PATH: join(dir, 'attache.db') }).exited;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('a failure at start is one line and exit code 1', async () => {
    const run = await startProcess('bot/main.ts', [], { DATABASE_PATH: dir }).exited;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Database .*DATABASE_PATH/)]);
  }, 120_000);

  it('renders log records as one plain line each', () => {
    const line = JSON.stringify({
      level: 40,
      time: 1,
      pid: 2,
      hostname: 'h',
      msg: 'engine fell back',
      engine: 'claude',
    });
    expect(plainLogLine(line)).toBe('warning: engine fell back (engine=claude)');
  });

  it('the text logger scrubs secrets too', () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      createLogger('warn', ['sk-secret-value'], 'text').warn({ url: 'https://x/sk-secret-value' }, 'failed');
    } finally {
      process.stderr.write = original;
    }
    expect(written).toEqual(['warning: failed (url=https://x/[redacted])\n']);
  });
});
