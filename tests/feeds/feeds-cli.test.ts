import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsSite, rssFeed, startNewsSite } from '../fakes/news-site.ts';
import { type CorpusPage, readCorpusPages, wrapInSite } from '../fakes/site-page.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let site: NewsSite;
let dir: string;

/** Runs the CLI in a child process without blocking this one (the fake site answers from here). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['bot/cli.ts', ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          LOG_LEVEL: 'error',
          DATABASE_PATH: join(dir, 'cli.db'),
          SEEDS_DIR: join(dir, 'no-seeds'),
          FEEDS_ALLOW_PRIVATE: '1',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  site = await startNewsSite();
  dir = mkdtempSync(join(tmpdir(), 'attache-feeds-cli-'));
  const pages = readCorpusPages();
  const source = pages.find((p) => p.file === 'camp-david-02.txt') as CorpusPage;
  site.set('/a/camp-david', { contentType: 'text/html', body: wrapInSite(source, { url: site.url('/a/camp-david') }) });
  site.set('/feed.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Daily', [{ guid: 'cd', title: 'Camp David', link: site.url('/a/camp-david?utm_medium=rss') }]),
  });
  const other = pages.find((p) => p.file === 'gaza-truce-01.txt') as CorpusPage;
  site.set('/page/gaza', { contentType: 'text/html', body: wrapInSite(other, { url: site.url('/page/gaza') }) });
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feeds CLI', () => {
  it('adds, lists, polls and removes a feed', async () => {
    const added = await cli(['feeds', 'add', site.url('/feed.xml'), '--every', '2h', '--outlet', 'Daily Wire']);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/^Added: feed 1 .*feed\.xml every 2h/);

    const polled = await cli(['feeds', 'poll']);
    expect(polled.stdout).toMatch(/updated: 1 new, 0 edited items; 1 documents added/);
    // The item link's tracking parameter is dropped before the page is fetched.
    expect(site.hits('/a/camp-david')).toHaveLength(1);

    const listed = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as {
      url: string;
      everyMinutes: number;
      lastError: string | null;
    }[];
    expect(listed).toMatchObject([{ url: site.url('/feed.xml'), everyMinutes: 120, lastError: null }]);

    const sources = JSON.parse((await cli(['sources', '--json'])).stdout) as {
      id: string;
      outlet: string;
      url: string;
    }[];
    expect(sources).toEqual([
      expect.objectContaining({
        outlet: 'Daily Wire',
        url: site.url('/a/camp-david'),
        id: expect.stringMatching(/^web_[0-9a-f]{16}$/),
      }),
    ]);

    expect(await cli(['feeds', 'remove', site.url('/feed.xml')])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Removed/),
    });
  }, 120_000);

  it('refuses a URL that is not http(s) with one line', async () => {
    const bad = await cli(['feeds', 'add', 'ftp://example.com/feed', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'bad_url', message: expect.stringMatching(/http/) } });
  }, 120_000);

  it('ingests a page URL, and refuses a private address without FEEDS_ALLOW_PRIVATE', async () => {
    const ok = await cli(['ingest', site.url('/page/gaza')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^web_[0-9a-f]{16}: inserted \(\d+ passages\)/);
    const before = site.requests.length;
    const refused = await cli(['ingest', site.url('/page/gaza')], { FEEDS_ALLOW_PRIVATE: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/private or reserved address; refused/);
    expect(site.requests.length).toBe(before);
  }, 120_000);
});
