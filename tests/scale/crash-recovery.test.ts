/**
 * Several processes on one database, some of them killed (SIGKILL) in the middle of their work, against the loopback
 * fakes: a Telegram update re-sent to another instance is handled once, whether the first instance is still on it or
 * died; a feed poll killed mid-ingest loses no item and stores each once; a digest killed mid-send is finished by
 * the next run from its first unconfirmed part, each part posted once (on Telegram, the part under way when the
 * process died is not posted again); an `ingest` killed mid-way leaves nothing half-written and a second run stores the rest once. Claims last
 * CLAIM_LEASE_SECONDS=6 here, so a dead process's work is taken over within seconds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chat, Update } from 'grammy/types';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProcess, runCli, startLaunched } from '../discord/run-process.ts';
import { type FakeAnthropic, slow, startFakeAnthropic } from '../fakes/anthropic.ts';
import { startFakeDiscord } from '../fakes/discord.ts';
import { rssFeed, startNewsSite } from '../fakes/news-site.ts';
import { type FakeTelegramApi, type RecordedCall, startFakeTelegram } from '../fakes/telegram-api.ts';
import { ALICE, BOB, textUpdate } from '../fakes/telegram-updates.ts';
import { post } from '../fakes/telegram-webhook.ts';
import { until as untilWithin } from '../support/budget.ts';
import { freePort } from '../support/tcp-balancer.ts';
import { type Database, stores } from './databases.ts';

// Long enough that a live process renews its claims even while its event loop is busy (loading the language data on
// a loaded machine can hold it for seconds), short enough that a dead one's work is taken over quickly.
const LEASE_MS = 6_000;
const LEASE = { CLAIM_LEASE_SECONDS: String(LEASE_MS / 1000) };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Generous, since every wait ends at its event: on a loaded machine (load 20 on 2 cores) a process start or a first
 * answer takes ten times as long as on an idle one. A single wait may use most of it and still fail with its own
 * message before vitest's timeout.
 */
const TIMEOUT = 240_000;
const until = (check: () => boolean, what: string) => untilWithin(check, what, TIMEOUT - 60_000);

/** Kills the process group at once (no shutdown handlers run), waits for it to be gone; returns when it died. */
async function killHard(bot: RunningProcess): Promise<number> {
  bot.killAll();
  const exit = await bot.exited;
  expect(exit.signal).toBe('SIGKILL');
  return Date.now();
}

/** Waits until one lease has passed since `since` (a dead process's claims have run out). */
const leaseRunsOut = (since: number) => sleep(Math.max(0, since + LEASE_MS + 300 - Date.now()));

/** The CLI as `npm run cli` runs it (the JavaScript build: quick to start, so it acts within the lease). */
const cli = (args: string[], env: Record<string, string>) =>
  startLaunched('cli', args, { LOG_LEVEL: 'warn', ...env }).exited;

function repliesTo(fake: FakeTelegramApi, messageId: number): RecordedCall[] {
  return fake.callsOf('sendMessage').filter((call) => {
    const parameters = call.body.reply_parameters as { message_id?: number } | undefined;
    return parameters?.message_id === messageId;
  });
}

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

const cleanup: (() => Promise<void> | void)[] = [];
// Dropping the databases of processes just killed takes seconds on a loaded machine.
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
}, 120_000);

// One scenario at a time (the stores side by side): the processes must act within a lease on a shared machine.
describe.concurrent('Telegram instances on one database, one of them killed', { timeout: TIMEOUT }, () => {
  it.each(stores)(
    'on one %s database: a Telegram update re-sent to another instance is handled once, also when the first died',
    async (_name, open) => {
      const database = await open();
      cleanup.push(() => database.drop());
      const telegram = await startFakeTelegram();
      cleanup.push(() => telegram.close());
      const claude: FakeAnthropic = await startFakeAnthropic();
      cleanup.push(() => claude.close());
      const base = {
        ...database.env,
        ...LEASE,
        ENGINE: 'claude',
        ANTHROPIC_API_KEY: 'sk-ant-test',
        ANTHROPIC_BASE_URL: claude.url,
        ANTHROPIC_TIMEOUT_MS: '60000',
      };
      expect((await runCli(['sources'], base)).status).toBe(0);
      const ports = [await freePort(), await freePort()];
      const [a, b] = ports.map((port) =>
        startLaunched('main', [], {
          ...base,
          LOG_LEVEL: 'info',
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
          PORT: String(port),
        }),
      ) as [RunningProcess, RunningProcess];
      cleanup.push(
        () => a.killAll(),
        () => b.killAll(),
      );
      await Promise.all([a, b].map((bot) => bot.waitForStderr(/listening for webhook updates/)));
      const secret = String(telegram.callsOf('setWebhook')[0]?.body.secret_token);
      const deliver = (port: number | undefined, update: Update) =>
        post(new URL(`http://127.0.0.1:${port}/telegram`), secret, JSON.stringify(update));
      const chat: Chat = { id: -100_600_001, type: 'supergroup', title: 'Envoys' };
      const question = (user: typeof ALICE, text: string, updateId: number) =>
        ({ ...textUpdate(chat, user, text), update_id: updateId }) as Update;

      // 1. Telegram re-sends an update (its answer was slow) to the other instance while the first is on it.
      claude.enqueue(slow(2_000));
      const first = question(ALICE, '/ask Who led the US delegation?', 7001);
      const toA = deliver(ports[0], first);
      await until(() => claude.requests.length === 1, 'the first instance to ask Claude');
      const toB = deliver(ports[1], first);
      expect(await Promise.all([toA, toB])).toEqual([200, 200]);
      // B waited for A (Telegram hears back within 9 s either way) and dropped its copy once A was done.
      await b.waitForStderr(/update already handled; skipped/);
      expect(repliesTo(telegram, first.message?.message_id ?? 0)).toHaveLength(1);
      expect(claude.requests).toHaveLength(1);

      // 2. The first instance dies while handling an update; Telegram re-sends it, and the other one answers it once.
      claude.enqueue(slow(60_000));
      const second = question(BOB, '/ask What did Ryabkov say about concessions?', 7002);
      const lost = deliver(ports[0], second);
      await until(() => claude.requests.length === 2, 'the doomed instance to ask Claude');
      const died = await killHard(a);
      expect(await lost).toBe(0);
      expect(repliesTo(telegram, second.message?.message_id ?? 0)).toHaveLength(0);
      expect(await deliver(ports[1], second)).toBe(200);
      await b.waitForStderr(/update taken over from a dead instance/);
      await until(() => repliesTo(telegram, second.message?.message_id ?? 0).length === 1, 'the answer from B');
      // Answered only once the dead instance's claim ran out.
      expect(Date.now() - died).toBeGreaterThan(LEASE_MS - 1_000);
      // Re-sent once more (say, B's answer to Telegram was lost): still handled once.
      expect(await deliver(ports[1], second)).toBe(200);
      await until(
        () => (b.stderr().match(/update already handled; skipped/g) ?? []).length === 2,
        'the copy to be dropped',
      );
      expect(repliesTo(telegram, second.message?.message_id ?? 0)).toHaveLength(1);
      expect(claude.requests).toHaveLength(3);
      expect(repliesTo(telegram, first.message?.message_id ?? 0)).toHaveLength(1);

      b.child.kill('SIGTERM');
      expect((await b.exited).status).toBe(0);
    },
  );
});

describe.concurrent('feed pollers on one database, one of them killed', { timeout: TIMEOUT }, () => {
  it.each(stores)(
    'on one %s database: a feed poll killed mid-ingest loses no item, and each item is stored once',
    async (_name, open) => {
      const database = await open();
      cleanup.push(() => database.drop());
      const site = await startNewsSite();
      cleanup.push(() => site.close());
      const env = { ...database.env, ...LEASE, ENGINE: 'extractive', FEEDS_ALLOW_PRIVATE: '1' };
      const page = (title: string, text: string) =>
        `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
      const articles = [
        ['Envoys meet in Vienna', 'The envoys met in Vienna on Thursday to discuss the arms control treaty.'],
        ['Ministers sign a grain deal', 'Ministers signed the grain corridor agreement in Istanbul after long talks.'],
        ['Summit ends without a statement', 'The regional summit in Lima ended without a joint statement on trade.'],
      ];
      articles.forEach(([title = '', text = ''], i) => {
        site.set(`/a${i}`, { contentType: 'text/html', body: page(title, `${text} ${text}`) });
      });
      const items = articles.map(([title = ''], i) => ({
        title,
        link: site.url(`/a${i}`),
        guid: `item-${i}`,
        description: title,
        pubDate: 'Thu, 13 Jan 2022 10:00:00 GMT',
      }));
      site.set('/feed.xml', { contentType: 'application/rss+xml', body: rssFeed('Wire', items) });
      expect((await runCli(['feeds', 'add', site.url('/feed.xml')], env)).status).toBe(0);

      // The second article's page hangs: the poller is killed with every item claimed and none stored.
      site.set('/a1', { behaviour: 'hang' });
      const doomed = startLaunched('cli', ['feeds', 'poll'], env);
      cleanup.push(() => doomed.killAll());
      await until(() => [0, 1, 2].every((i) => site.hits(`/a${i}`).length === 1), 'every article page to be asked');
      const died = await killHard(doomed);
      site.set('/a1', { contentType: 'text/html', body: page('Ministers sign a grain deal', articles[1]?.[1] ?? '') });

      const webDocuments = async () =>
        json<{ id: string; title: string }[]>((await cli(['sources', '--json'], env)).stdout).filter((d) =>
          d.id.startsWith('web_'),
        );
      // Killed before its one write: nothing of the batch was stored, and every item is still claimed by the dead
      // poller; once its lease ran out, the next poll takes the feed and every item again.
      expect(await webDocuments()).toEqual([]);
      await leaseRunsOut(died);
      const late = await cli(['feeds', 'poll', '--json'], env);
      expect(json<unknown[]>(late.stdout)).toMatchObject([{ status: 'updated', newItems: 3, failedItems: 0 }]);
      const stored = await webDocuments();
      expect(stored.map((d) => d.title).sort()).toEqual(articles.map(([title]) => title).sort());

      // Each page was read once by each poller (the dead one stored nothing); each item is one document.
      expect([0, 1, 2].map((i) => site.hits(`/a${i}`).length)).toEqual([2, 2, 2]);
      expect(new Set(stored.map((d) => d.id)).size).toBe(3);
    },
  );
});

describe.concurrent('digest runs on one database, one of them killed mid-send', { timeout: TIMEOUT }, () => {
  /**
   * A database with one new story whose headline is so long that its digest takes several messages on either
   * platform, and the environment of a `digest run-due` for it.
   */
  async function longDigest(open: () => Promise<Database>, platform: Record<string, string>) {
    const database = await open();
    cleanup.push(() => database.drop());
    const folder = mkdtempSync(join(tmpdir(), 'attache-digest-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    const rounds = Array.from({ length: 400 }, (_, i) => `Quillmere envoys met for round ${i + 1}`).join(', ');
    const text = 'The Quillmere envoys met again on Thursday. They agreed to meet once more next week.';
    writeFileSync(join(folder, 'quillmere.md'), `---\ntitle: ${rounds}\noutlet: Wire\n---\n${text}\n`);
    const env = { ...database.env, ...LEASE, ENGINE: 'extractive', ...platform };
    expect((await cli(['ingest', join(folder, 'quillmere.md')], env)).status).toBe(0);
    return env;
  }

  const subscribe = (platform: string, target: string) => [
    ...['digest', 'subscribe', '--platform', platform, '--target', target, '--time', '00:00'],
    ...['--include', 'quillmere', '--now'],
  ];
  type Report = { items: { outcome: string; reason?: string; messageIds?: string[] }[] };
  const runDue = async (env: Record<string, string>) =>
    json<Report>((await cli(['digest', 'run-due', '--json'], env)).stdout);
  /** A claim younger than the lease is left alone: a process with a ten-minute lease sees it as in progress. */
  const patient = async (env: Record<string, string>) =>
    expect((await runDue({ ...env, CLAIM_LEASE_SECONDS: '600' })).items).toMatchObject([{ outcome: 'busy' }]);

  it.each(stores)(
    'on one %s database: Discord gets each part of a digest exactly once (the part under way is posted again with its nonce)',
    async (_name, open) => {
      const discord = await startFakeDiscord();
      cleanup.push(() => discord.close());
      const channel = '700000000000000001';
      const env = await longDigest(open, {
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_ROOT: discord.apiRoot,
      });
      expect((await runCli(subscribe('discord', channel), env)).status).toBe(0);
      const posts = () => discord.find('POST', new RegExp(`/channels/${channel}/messages$`));
      const created = () => discord.channelMessages.get(channel) ?? [];

      // Discord creates the second part and never answers; the process posting it is killed before it hears back.
      let seen = 0;
      discord.stallPosts((id) => id === channel && ++seen === 2);
      const doomed = startLaunched('cli', ['digest', 'run-due'], { ...env, LOG_LEVEL: 'warn' });
      cleanup.push(() => doomed.killAll());
      await until(() => posts().length === 2, 'the second part to reach Discord');
      const died = await killHard(doomed);
      discord.stallPosts(null);
      expect(created()).toHaveLength(2);

      await patient(env);
      await leaseRunsOut(died);
      const report = await runDue(env);
      expect(report.items).toMatchObject([{ outcome: 'sent' }]);
      expect(report.items[0]?.reason).toBeUndefined();
      expect((await runDue(env)).items).toEqual([]);

      // Every part once, in order; the second was posted twice with one nonce, and Discord returned its message.
      const messages = created();
      expect(messages.length).toBeGreaterThanOrEqual(3);
      expect(report.items[0]?.messageIds).toEqual(messages.map((m) => m.id));
      const nonces = posts().map((p) => (p.body as { nonce?: string; enforce_nonce?: boolean }).nonce);
      expect(posts().every((p) => (p.body as { enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
      expect(nonces).toHaveLength(messages.length + 1);
      expect(nonces[2]).toBe(nonces[1]);
      expect(new Set(nonces).size).toBe(messages.length);
      expect(messages.map((m) => m.nonce)).toEqual([...new Set(nonces)]);
      const titles = messages.map((m) => JSON.stringify(m.embeds));
      expect(new Set(titles).size).toBe(messages.length);
    },
  );

  it.each(stores)(
    'on one %s database: Telegram gets no part twice, and the parts after the one under way are resumed',
    async (_name, open) => {
      const telegram = await startFakeTelegram();
      cleanup.push(() => telegram.close());
      const chat = -100_700_001;
      const env = await longDigest(open, { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
      expect((await runCli(subscribe('telegram', String(chat)), env)).status).toBe(0);
      const toChat = () => telegram.callsOf('sendMessage').filter((c) => Number(c.body.chat_id) === chat);

      // Telegram takes the second part and hangs; the process posting it is killed before it hears back.
      let seen = 0;
      telegram.stall('sendMessage', (body) => Number(body.chat_id) === chat && ++seen === 2);
      const doomed = startLaunched('cli', ['digest', 'run-due'], { ...env, LOG_LEVEL: 'warn' });
      cleanup.push(() => doomed.killAll());
      await until(() => toChat().length === 2, 'the second part to reach Telegram');
      const died = await killHard(doomed);
      telegram.stall(null);

      await patient(env);
      await leaseRunsOut(died);
      const report = await runDue(env);
      // The part under way is not posted again (Telegram could show it twice); the rest is.
      const note = /^part 2 of (\d+) was under way when its process stopped and was not resent/;
      expect(report.items).toMatchObject([{ outcome: 'sent', reason: expect.stringMatching(note) }]);
      expect((await runDue(env)).items).toEqual([]);
      const parts = Number(note.exec(report.items[0]?.reason ?? '')?.[1]);
      expect(parts).toBeGreaterThanOrEqual(3);
      const texts = toChat().map((c) => String(c.body.text));
      expect(texts).toHaveLength(parts);
      expect(new Set(texts).size).toBe(parts);
      expect(report.items[0]?.messageIds).toHaveLength(parts - 1);
      expect(texts[0]).toMatch(/Daily digest/);
      expect(texts.join('\n')).toContain('/unsubscribe');
    },
  );
});

describe.concurrent('an ingest killed mid-way', { timeout: TIMEOUT }, () => {
  it.each(stores)(
    'on one %s database: nothing is half-written, and running it again stores the rest once',
    async (_name, open) => {
      const database = await open();
      cleanup.push(() => database.drop());
      const reference = await open();
      cleanup.push(() => reference.drop());
      const site = await startNewsSite();
      cleanup.push(() => site.close());
      const folder = mkdtempSync(join(tmpdir(), 'attache-ingest-'));
      cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
      mkdirSync(join(folder, 'notes'));
      const paragraphs = (topic: string) =>
        Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} on ${topic}: the delegates met again and talked.`);
      writeFileSync(
        join(folder, 'notes', 'vienna.md'),
        `---\ntitle: Vienna\n---\n${paragraphs('Vienna').join('\n\n')}`,
      );
      writeFileSync(join(folder, 'notes', 'lima.md'), `---\ntitle: Lima\n---\n${paragraphs('Lima').join('\n\n')}`);
      const html = (title: string) =>
        `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs(title)
          .map((p) => `<p>${p}</p>`)
          .join('')}</article></body></html>`;
      site.set('/first', { contentType: 'text/html', body: html('Geneva') });
      site.set('/second', { behaviour: 'hang' });
      const args = ['ingest', site.url('/first'), site.url('/second'), join(folder, 'notes')];
      const env = (db: Database) => ({ ...db.env, ENGINE: 'extractive', FEEDS_ALLOW_PRIVATE: '1' });
      type Source = { id: string; title: string; passages: number };
      const sources = async (db: Database) =>
        json<Source[]>((await cli(['sources', '--json'], env(db))).stdout)
          .map(({ id, title, passages }) => ({ id, title, passages }))
          .sort((x, y) => x.id.localeCompare(y.id));

      // Killed while the second page loads: the first page is stored whole, the files not at all.
      const doomed = startLaunched('cli', args, env(database));
      cleanup.push(() => doomed.killAll());
      await until(() => site.hits('/second').length === 1, 'the second page to be asked');
      await killHard(doomed);
      const seeds = (await sources(reference)).map((d) => d.id);
      const added = (list: Source[]) => list.filter((d) => !seeds.includes(d.id));
      const afterKill = added(await sources(database));
      expect(afterKill.map((d) => d.title)).toEqual(['Geneva']);

      // Run again once the page answers: everything is stored once, exactly as by one uninterrupted run.
      site.set('/second', { contentType: 'text/html', body: html('Istanbul') });
      const again = await cli(args, env(database));
      expect(again.status).toBe(0);
      expect((await cli(args, env(reference))).status).toBe(0);
      const stored = await sources(database);
      expect(stored).toEqual(await sources(reference));
      expect(
        added(stored)
          .map((d) => d.title)
          .sort(),
      ).toEqual(['Geneva', 'Istanbul', 'Lima', 'Vienna']);
      // The page stored before the kill was whole: the same passages as in the uninterrupted run.
      expect(stored).toContainEqual(afterKill[0]);
    },
  );
});
