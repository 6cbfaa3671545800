/**
 * Start time: from spawning a command to its first byte on stdout, on a seeded database (the seeding run is not
 * timed). `npm run bench -- --start [--runs 7] [--root DIR]`; `--root` measures another checkout (say, main) with the
 * same commands, for a before/after. Child CPU time comes from /proc/self/stat (Linux), steadier than wall time on a
 * busy machine; elsewhere it shows "–".
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarize } from './stats.ts';

interface StartCase {
  label: string;
  command: string;
  args: string[];
  stdin?: string;
  /** A file the case needs in the checkout (an older checkout may not have the launcher). */
  requires?: string;
}

interface StartFigures {
  label: string;
  firstOutput: ReturnType<typeof summarize>;
  exit: ReturnType<typeof summarize>;
  /** Mean CPU seconds of the process tree per run, or null off Linux. */
  cpuSeconds: number | null;
}

const CASES: StartCase[] = [
  { label: 'npm run --silent cli -- sources', command: 'npm', args: ['run', '--silent', 'cli', '--', 'sources'] },
  { label: 'npm start (console, piped /help)', command: 'npm', args: ['start', '--silent'], stdin: '/help\n' },
  {
    label: 'node bot/launch.mjs cli sources',
    command: process.execPath,
    args: ['bot/launch.mjs', 'cli', 'sources'],
    requires: 'bot/launch.mjs',
  },
  {
    label: 'node --import tsx bot/cli.ts sources (no build)',
    command: process.execPath,
    args: ['--import', 'tsx', 'bot/cli.ts', 'sources'],
  },
];

/** CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat; null elsewhere. */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based), in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** Runs one command; resolves with milliseconds to its first stdout byte and to its exit. */
function timeOnce(root: string, env: NodeJS.ProcessEnv, c: StartCase): Promise<{ first: number; exit: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    let first = Number.NaN;
    const child = spawn(c.command, c.args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.once('data', () => {
      first = performance.now() - start;
    });
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.end(c.stdin ?? '');
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0 || Number.isNaN(first)) fail(new Error(`${c.label} exited with ${code}: ${stderr.trim()}`));
      else done({ first, exit: performance.now() - start });
    });
  });
}

/** Measures every case `runs` times after one untimed run (which seeds the database and fills caches). */
export async function measureStart(root: string, runs: number): Promise<StartFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(dir, 'attache.db'), ENGINE: 'extractive' };
  for (const name of ['TELEGRAM_BOT_TOKEN', 'DISCORD_TOKEN', 'ANTHROPIC_API_KEY', 'DATABASE_URL', 'LOG_LEVEL'])
    delete env[name];
  const figures: StartFigures[] = [];
  try {
    for (const c of CASES.filter((planned) => !planned.requires || existsSync(join(root, planned.requires)))) {
      await timeOnce(root, env, c);
      const first: number[] = [];
      const exit: number[] = [];
      const cpuBefore = childCpuSeconds();
      for (let i = 0; i < runs; i += 1) {
        const t = await timeOnce(root, env, c);
        first.push(t.first);
        exit.push(t.exit);
      }
      const cpuAfter = childCpuSeconds();
      figures.push({
        label: c.label,
        firstOutput: summarize(first),
        exit: summarize(exit),
        cpuSeconds: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / runs,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The start-time section of the report. */
export function renderStart(figures: readonly StartFigures[], root: string, runs: number): string {
  const rows = figures.map((f) => [
    f.label,
    f.firstOutput.p50.toFixed(0),
    f.firstOutput.max.toFixed(0),
    f.exit.p50.toFixed(0),
    f.cpuSeconds === null ? '–' : f.cpuSeconds.toFixed(2),
  ]);
  const header = ['command (seeded database)', 'first output p50 ms', 'max ms', 'exit p50 ms', 'CPU s/run'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [
    `Start time, ${runs} runs each after one untimed run (${root}); target: first output ≤ 1,000 ms`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
  ].join('\n');
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `tsx tests/bench/start-bench.ts [--runs N] [--root DIR]` (run.ts calls measureStart directly). */
export async function startBenchMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '7' }, root: { type: 'string' } },
    strict: false,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
  const root = typeof values.root === 'string' ? resolve(values.root) : REPO_ROOT;
  process.stdout.write(`${renderStart(await measureStart(root, runs), root, runs)}\n`);
}
