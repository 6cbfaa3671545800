import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * vitest global setup: brings the JavaScript build (dist/) up to date once, before any test starts a process from
 * it. Each `node bot/launch.mjs` rebuilds stale sources itself, but the multi-process tests start up to eight at the
 * same moment, and each would bundle on its own: eight esbuild runs on a loaded machine, seconds each.
 */
export function setup(): void {
  const run = spawnSync(process.execPath, ['bot/launch.mjs', '--build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr.trim() || `the build failed (exit ${run.status})`);
}
