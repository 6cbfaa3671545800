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

/**
 * A module preloaded into the child: at its first write to stdout it notes the packages loaded so far through
 * require (CommonJS packages, and the lazy loads of the language data and the date parser), and prints them at exit.
 */
const PACKAGES_BEFORE_OUTPUT = `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
const cache = createRequire(process.cwd() + '/').cache;
const write = process.stdout.write.bind(process.stdout);
let loaded;
process.stdout.write = (...args) => {
  loaded ??= Object.keys(cache).filter((path) => path.includes('node_modules'))
    .map((path) => path.split('node_modules/').pop().split('/').slice(0, path.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/'));
  return write(...args);
};
process.on('exit', () => process.stderr.write('loaded before output: ' + JSON.stringify([...new Set(loaded)]) + '\\n'));
`)}`;

/** What a command would make a person wait for at its first output, if it loaded it: none of it is needed there. */
const NOT_AT_START = [
  'wink-lemmatizer',
  'wink-nlp',
  'wink-eng-lite-web-model',
  'chrono-node',
  'entities',
  'discord.js',
  // The logger: at the CLI's and the console's default level a start writes no log line.
  'pino',
];

function packagesBeforeOutput(args: string[], input?: string): string[] {
  const run = spawnSync(process.execPath, ['--import', PACKAGES_BEFORE_OUTPUT, 'bot/launch.mjs', ...args], {
    cwd: ROOT,
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(0);
  const line = run.stderr.split('\n').find((l) => l.startsWith('loaded before output: '));
  return JSON.parse(line?.slice('loaded before output: '.length) ?? 'null') as string[];
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

  it('the first output waits for no language data, date parser, logger or platform library (they load when used)', () => {
    const start = (args: string[], input?: string) =>
      packagesBeforeOutput(args, input).filter((name) => NOT_AT_START.includes(name));
    expect(start(['cli', 'sources'])).toEqual([]);
    expect(start(['cli', 'search', 'Ryabkov'])).toEqual([]);
    expect(start(['main'], '/help\nWho led the US delegation?\n')).toEqual([]);
    // A question needs them: what is reported is what was loaded.
    expect(start(['cli', 'ask', 'Who led the US delegation?'])).toEqual(
      expect.arrayContaining(['wink-lemmatizer', 'wink-nlp', 'chrono-node']),
    );
  });

  it('an unknown entry is a usage line with exit code 2', () => {
    const run = launch(['nothing']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: node bot\/launch\.mjs <main\|cli\|--build>/);
  });
});
