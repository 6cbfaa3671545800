/**
 * Start time: from spawning a command to its first byte on stdout, on a seeded database (the seeding run is not
 * timed). `npm run bench -- --start [--runs 11] [--against DIR] [--tsx]`.
 *
 * `--against DIR` measures another checkout (say, main, or a `git worktree` of an older commit) with the same
 * commands, alternating run by run with this one, so both see the same load on a shared machine: a before/after in
 * the same minutes. Each run's CPU time (user + system of the whole process tree, npm included) comes from
 * /proc/self/stat (Linux): steadier than wall time when other work competes for the cores; elsewhere it shows "–".
 * Two floors show what is not ours: `node` printing one byte, and `npm run` of npm's built-in `env` script.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface StartCase {
  label: string;
  command: string;
  args: string[];
  stdin?: string;
  /** A file the case needs in the checkout (an older checkout may not have the launcher). */
  requires?: string;
  /** A floor (not the project's code): measured once, in this checkout only. */
  floor?: boolean;
}

/** Median, 90th percentile and max of the first-output times; median exit time and median CPU per run. */
export interface StartFigures {
  label: string;
  root: string;
  runs: number;
  firstOutput: { p50: number; p90: number; max: number };
  exitP50: number;
  /** Median CPU milliseconds of the process tree per run, or null off Linux. */
  cpuP50: number | null;
}

const CASES: StartCase[] = [
  {
    label: 'floor: node printing one byte',
    command: process.execPath,
    args: ['-e', 'process.stdout.write("x")'],
    floor: true,
  },
  { label: 'floor: npm run --silent env', command: 'npm', args: ['run', '--silent', 'env'], floor: true },
  { label: 'npm run --silent cli -- sources', command: 'npm', args: ['run', '--silent', 'cli', '--', 'sources'] },
  { label: 'npm start --silent (console, piped /help)', command: 'npm', args: ['start', '--silent'], stdin: '/help\n' },
  {
    label: 'node bot/launch.mjs cli sources',
    command: process.execPath,
    args: ['bot/launch.mjs', 'cli', 'sources'],
    requires: 'bot/launch.mjs',
  },
  {
    label: 'node bot/launch.mjs main (piped /help)',
    command: process.execPath,
    args: ['bot/launch.mjs', 'main'],
    stdin: '/help\n',
    requires: 'bot/launch.mjs',
  },
];

const TSX_CASE: StartCase = {
  label: 'node --import tsx bot/cli.ts sources (no build)',
  command: process.execPath,
  args: ['--import', 'tsx', 'bot/cli.ts', 'sources'],
};

/** CPU milliseconds (user + system) of this process's waited-for children, from /proc/self/stat; null elsewhere. */
function childCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based), in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

interface Timed {
  first: number;
  exit: number;
  cpu: number | null;
}

/** Runs one command; resolves with milliseconds to its first stdout byte and to its exit, and its CPU time. */
function timeOnce(root: string, env: NodeJS.ProcessEnv, c: StartCase): Promise<Timed> {
  return new Promise((done, fail) => {
    const cpuBefore = childCpuMs();
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
      const exit = performance.now() - start;
      const cpuAfter = childCpuMs();
      const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      if (code !== 0 || Number.isNaN(first)) fail(new Error(`${c.label} exited with ${code}: ${stderr.trim()}`));
      else done({ first, exit, cpu });
    });
  });
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function figuresOf(label: string, root: string, timed: readonly Timed[]): StartFigures {
  const first = timed.map((t) => t.first);
  const cpu = timed.map((t) => t.cpu);
  return {
    label,
    root,
    runs: timed.length,
    firstOutput: { p50: percentile(first, 50), p90: percentile(first, 90), max: Math.max(...first) },
    exitP50: percentile(
      timed.map((t) => t.exit),
      50,
    ),
    cpuP50: cpu.every((c): c is number => c !== null) ? percentile(cpu, 50) : null,
  };
}

/**
 * Measures every case `runs` times in each checkout after one untimed run per checkout (which seeds its database
 * and fills the file cache), alternating the checkouts run by run. Each checkout has its own database.
 */
export async function measureStart(roots: readonly string[], runs: number, tsx = false): Promise<StartFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-start-'));
  const envOf = (i: number): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_PATH: join(dir, `attache-${i}.db`),
      ENGINE: 'extractive',
    };
    for (const name of ['TELEGRAM_BOT_TOKEN', 'DISCORD_TOKEN', 'ANTHROPIC_API_KEY', 'DATABASE_URL', 'LOG_LEVEL'])
      delete env[name];
    return env;
  };
  const figures: StartFigures[] = [];
  try {
    for (const c of [...CASES, ...(tsx ? [TSX_CASE] : [])]) {
      const planned = (c.floor ? roots.slice(0, 1) : roots).filter(
        (root) => !c.requires || existsSync(join(root, c.requires)),
      );
      for (const [i, root] of planned.entries()) await timeOnce(root, envOf(i), c);
      const timed: Timed[][] = planned.map(() => []);
      for (let run = 0; run < runs; run += 1) {
        for (const [i, root] of planned.entries()) timed[i]?.push(await timeOnce(root, envOf(i), c));
      }
      for (const [i, root] of planned.entries()) figures.push(figuresOf(c.label, root, timed[i] ?? []));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The start-time section of the report. */
export function renderStart(figures: readonly StartFigures[], load: { before: number[]; after: number[] }): string {
  const roots = [...new Set(figures.map((f) => f.root))];
  const name = (root: string) => (roots.length > 1 ? `${roots.indexOf(root) === 0 ? 'this' : 'against'}` : '');
  const rows = figures.map((f) => [
    f.label,
    name(f.root),
    f.firstOutput.p50.toFixed(0),
    f.firstOutput.p90.toFixed(0),
    f.firstOutput.max.toFixed(0),
    f.exitP50.toFixed(0),
    f.cpuP50 === null ? '–' : f.cpuP50.toFixed(0),
  ]);
  const header = [
    'command (seeded database)',
    'checkout',
    'first output p50 ms',
    'p90',
    'max',
    'exit p50',
    'CPU ms p50',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const loads = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  return [
    `Start time, ${figures[0]?.runs ?? 0} runs per command and checkout after one untimed run; target: first output ≤ 1,000 ms`,
    `${availableParallelism()} cores, node ${process.version}, load average ${loads(load.before)} before, ${loads(load.after)} after`,
    ...roots.map((root, i) => `${roots.length > 1 ? (i === 0 ? 'this: ' : 'against: ') : 'checkout: '}${root}`),
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
  ].join('\n');
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Measures and renders: this checkout, and `against` when given, alternating run by run. */
export async function startReport(runs: number, against?: string, tsx = false): Promise<string> {
  const before = loadavg();
  const figures = await measureStart([REPO_ROOT, ...(against ? [resolve(against)] : [])], runs, tsx);
  return renderStart(figures, { before, after: loadavg() });
}

/** `tsx tests/bench/start-bench.ts [--runs N] [--against DIR] [--tsx]` (run.ts calls startReport directly). */
export async function startBenchMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '11' },
      against: { type: 'string' },
      tsx: { type: 'boolean', default: false },
    },
    strict: false,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
  const against = typeof values.against === 'string' ? values.against : undefined;
  process.stdout.write(`${await startReport(runs, against, values.tsx === true)}\n`);
}
