import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess, TSX } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'attache-cli-'));
const env = { DATABASE_PATH: join(dir, 'attache.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every case starts CLI processes; on a busy machine each takes seconds to start.
describe('cli', { timeout: 120_000 }, () => {
  it('sources --json lists five documents with outlets and titles', () => {
    const run = runCliProcess(['sources', '--json'], env);
    expect(run.status).toBe(0);
    const documents = JSON.parse(run.stdout) as { id: string; title: string; outlet: string | null }[];
    expect(documents).toHaveLength(5);
    expect(documents.filter((d) => d.outlet).length).toBeGreaterThanOrEqual(4);
    for (const d of documents) expect(d.title.length).toBeGreaterThan(10);
  });

  it('search --json answers hostile text with ranked passages, never a crash', () => {
    const run = runCliProcess(['search', '--json', 'NEAR("Ryabkov" concession*) OR 1=1; --'], env);
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as { results: { rank: number; text: string; passageId: string }[] };
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results[0]?.rank).toBe(1);
  });

  it('search --json turns empty text into an error object with exit code 2', () => {
    const run = runCliProcess(['search', '--json', ''], env);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'empty', message: expect.any(String) } });
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('search prints readable text without --json', () => {
    const run = runCliProcess(['search', 'Geneva dinner'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1\. \[/);
    expect(run.stdout).toContain('dinner');
  });

  it('ingest adds a document, reports an unusable file, and writes nothing for it', () => {
    const good = join(dir, 'envoys.md');
    writeFileSync(
      good,
      '# Envoys meet\n\nThe envoys met in Vienna on Thursday to discuss arms control, officials said.\n',
    );
    const added = runCliProcess(['ingest', good], env);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('envoys: inserted');
    const bad = join(dir, 'empty.txt');
    writeFileSync(bad, '\n\n');
    const failed = runCliProcess(['ingest', bad], env);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('empty.txt');
    const sources = JSON.parse(runCliProcess(['sources', '--json'], env).stdout) as { id: string }[];
    expect(sources.map((s) => s.id)).toContain('envoys');
    expect(sources.map((s) => s.id)).not.toContain('empty');
  });

  it('ingest says "no such file or folder" for a missing path and still ingests the rest', () => {
    const good = join(dir, 'summit.md');
    writeFileSync(good, '# Summit\n\nThe summit in Rome ended on Friday with a joint statement on trade.\n');
    const run = runCliProcess(['ingest', join(dir, 'nowhere'), good], env);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('summit: inserted');
    expect(run.stderr).toContain(`${join(dir, 'nowhere')}: no such file or folder`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('remove takes a document out of sources and search', () => {
    const file = join(dir, 'lisbon.md');
    writeFileSync(file, '# Lisbon\n\nThe Lisbon fisheries accord was signed by seven coastal states on Tuesday.\n');
    expect(runCliProcess(['ingest', file], env).status).toBe(0);
    expect(runCliProcess(['search', 'fisheries accord'], env).stdout).toContain('fisheries');
    const removed = runCliProcess(['remove', 'lisbon'], env);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toBe('lisbon: removed\n');
    const sources = JSON.parse(runCliProcess(['sources', '--json'], env).stdout) as { id: string }[];
    expect(sources.map((s) => s.id)).not.toContain('lisbon');
    expect(runCliProcess(['search', 'fisheries accord'], env).stdout).not.toContain('fisheries');
    const again = runCliProcess(['remove', 'lisbon'], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('lisbon: no such document');
  });

  it('names the variable of an invalid configuration in one line', () => {
    const run = runCliProcess(['sources'], { ...env, ENGINE: 'magic' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('ENGINE');
  });

  it('an unusable database file is one line (JSON with --json) and exit code 1', () => {
    const bad = join(dir, 'not-a-database.db');
    writeFileSync(bad, 'not a database\n'.repeat(200));
    const run = runCliProcess(['sources', '--json'], { DATABASE_PATH: bad });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'corrupt', message: expect.stringContaining(bad) } });
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const plain = runCliProcess(['sources'], { DATABASE_PATH: join(file, 'attache.db') });
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('not a folder');
  });

  it('ends quietly when the reader of its output hangs up (EPIPE)', () => {
    // `true` exits without reading, so every write meets a closed pipe.
    const run = spawnSync('sh', ['-c', `"${TSX}" bot/cli.ts search Geneva talks | true; echo "status=$?"`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
      shell: false,
    });
    expect(run.stderr).toBe('');
  });

  it('digest run-due --help explains that --at acts as that instant and records what it posts', () => {
    const run = runCliProcess(['digest', 'run-due', '--help'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--at ISO-8601 acts as if it were that instant');
    expect(run.stdout).toContain('records each digest it posts or skips');
  });

  it('prints usage for an unknown command', () => {
    const run = runCliProcess(['frobnicate'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});
