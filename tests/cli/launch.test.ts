import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'attache-launch-'));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: join(dir, 'attache.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function launch(args: string[], input?: string) {
  return spawnSync(process.execPath, ['bot/launch.mjs', ...args], {
    cwd: ROOT,
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// `npm start` and `npm run cli` run the compiled bundle in dist/ through bot/launch.mjs.
describe('launch (npm start, npm run cli)', { timeout: 120_000 }, () => {
  it('builds once, then starts from the build while no source changed', () => {
    expect(launch(['--build']).status).toBe(0);
    const built = statSync(join(ROOT, 'dist', 'signature.txt')).mtimeMs;
    expect(launch(['--build']).status).toBe(0);
    expect(statSync(join(ROOT, 'dist', 'signature.txt')).mtimeMs).toBe(built);
  });

  it('the CLI from the build prints what the TypeScript sources print', () => {
    const run = launch(['cli', 'sources', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const fromSources = runCliProcess(['sources', '--json'], { DATABASE_PATH: env.DATABASE_PATH });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(fromSources.stdout));
    expect(JSON.parse(run.stdout)).toHaveLength(5);
  });

  it('the bundle reads its data files from the sources (knowledge, migrations) and answers in the console', () => {
    const run = launch(['main'], 'Who led the US delegation?\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Sherman/);
  });

  it('an unknown entry is a usage line with exit code 2', () => {
    const run = launch(['nothing']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: node bot\/launch\.mjs <main\|cli\|--build>/);
  });
});
