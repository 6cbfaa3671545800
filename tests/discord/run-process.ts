/**
 * Runs the project's entry points in a child process without blocking this
 * one, so a fake server in the test process can answer the child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface ProcessRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  exited: Promise<ProcessRun>;
  /** Kills the whole process group if it is still running (test cleanup). */
  killAll(): void;
  /**
   * Resolves when stderr matches (the logs go there), rejects when the process ends first: a pattern, or a check of
   * everything written so far (e.g. a log line with a given field).
   */
  waitForStderr(pattern: RegExp | ((stderr: string) => boolean)): Promise<void>;
}

/** Starts `tsx <script> ...args` in the repository root with only the given environment (plus PATH and HOME). */
export function startProcess(script: string, args: string[], env: Record<string, string>): RunningProcess {
  return track(TSX, [script, ...args], env);
}

/**
 * Starts an entry point as `npm start` does (`node bot/launch.mjs main`, the JavaScript build): a signal reaches
 * the bot itself, where tsx's relay gives up (SIGKILL, exit 130) when the child is slow to confirm it on a busy
 * machine.
 */
export function startLaunched(entry: 'main' | 'cli', args: string[], env: Record<string, string>): RunningProcess {
  return track(process.execPath, ['bot/launch.mjs', entry, ...args], env);
}

function track(command: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so cleanup can end tsx and the node process it starts together.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<ProcessRun>((resolve) => {
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  const waitForStderr = (pattern: RegExp | ((stderr: string) => boolean)) =>
    new Promise<void>((resolve, reject) => {
      const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
      const check = () => {
        if (!matches(stderr)) return;
        child.stderr?.off('data', check);
        resolve();
      };
      child.stderr?.on('data', check);
      child.once('close', () => reject(new Error(`process ended before ${pattern}: ${stderr}`)));
      check();
    });
  const killAll = () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return { child, stderr: () => stderr, exited, waitForStderr, killAll };
}

/**
 * Runs the CLI with arguments to completion, as `npm run cli` does (the JavaScript build): on a loaded machine a
 * start under tsx, which compiles every module in a loader, took tens of seconds of a test's time.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<ProcessRun> {
  return startLaunched('cli', args, { LOG_LEVEL: 'warn', ...env }).exited;
}
