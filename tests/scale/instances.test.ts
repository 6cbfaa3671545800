import type { Chat } from 'grammy/types';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProcess, runCli, startLaunched } from '../discord/run-process.ts';
import { startFakeDiscord } from '../fakes/discord.ts';
import { chatInput, MEMBER_PERMISSIONS, str } from '../fakes/discord-interactions.ts';
import { type FakeTelegramApi, type RecordedCall, startFakeTelegram } from '../fakes/telegram-api.ts';
import { ALICE, BOB, textUpdate } from '../fakes/telegram-updates.ts';
import { webhookSender } from '../fakes/telegram-webhook.ts';
import { budget } from '../support/budget.ts';
import { freePort, startTcpBalancer } from '../support/tcp-balancer.ts';
import { stores } from './databases.ts';

const QUESTIONS = [
  '/ask Who led the US delegation?',
  '/ask What did Ryabkov say about concessions?',
  '/ask Where were the talks held?',
  '/ask Who did Sherman have dinner with?',
];
const CHATS: Chat[] = [1, 2, 3].map((n) => ({ id: -100_500_000 - n, type: 'supergroup', title: `Watchers ${n}` }));
const DIGEST_CHAT = -100_777_000;

/**
 * Generous, since every wait below ends at its event: the four scenarios run side by side, eight bot processes on
 * two shared cores, and each waits for a minute tick; a loaded machine (load 20) took 90 s where an idle one takes 60.
 */
const TIMEOUT = 300_000;

/** The minutes (ISO, to the minute) of the digest ticks a process ran to their end, each with the items it saw. */
function ticksDone(stderr: string): { minute: string; items: number }[] {
  return stderr
    .split('\n')
    .slice(0, -1) // the last piece is a line still being written
    .filter((line) => line.includes('"digest tick done"'))
    .map((line) => JSON.parse(line) as { at: string; items: number })
    .map(({ at, items }) => ({ minute: at.slice(0, 16), items }));
}

/**
 * Waits until every process has run to its end the minute tick in which one of them sent the digest (or a later
 * one): a second copy, from a process that claimed it at the same time, would have been posted by then.
 */
async function everyTickDone(bots: RunningProcess[]): Promise<void> {
  const sentIn = () => bots.flatMap((bot) => ticksDone(bot.stderr()).filter((t) => t.items > 0)).at(0)?.minute;
  await Promise.race(bots.map((bot) => bot.waitForStderr(() => sentIn() !== undefined)));
  const minute = sentIn() ?? '';
  await Promise.all(bots.map((bot) => bot.waitForStderr((text) => ticksDone(text).some((t) => t.minute >= minute))));
}

function replyTo(call: RecordedCall): number | undefined {
  const parameters = call.body.reply_parameters as { message_id?: number } | undefined;
  return parameters?.message_id;
}

// The stores run side by side: each waits for its processes' next minute tick to see the digest.
describe.concurrent('two bot processes in Telegram webhook mode', { timeout: TIMEOUT }, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  // Dropping four databases with processes just killed takes seconds on a loaded machine.
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  }, 120_000);

  it.each(stores)(
    'on one %s database: each update answered once, in order per chat; a due digest posted once',
    async (_name, open) => {
      const database = await open();
      cleanup.push(() => database.drop());
      const fake: FakeTelegramApi = await startFakeTelegram();
      cleanup.push(() => fake.close());
      const base = { ...database.env, ENGINE: 'extractive', FEEDS_ALLOW_PRIVATE: '' };
      // Migrated, seeded and subscribed before the bots start; the digest is due at once (00:00 has passed, --now).
      const subscribe = await runCli(
        ['digest', 'subscribe', '--platform', 'telegram', '--target', String(DIGEST_CHAT), '--time', '00:00', '--now'],
        base,
      );
      expect(subscribe.stderr).toBe('');
      expect(subscribe.status).toBe(0);

      const ports = [await freePort(), await freePort()];
      const balancer = await startTcpBalancer(ports);
      cleanup.push(() => balancer.close());
      const bots: RunningProcess[] = ports.map((port) =>
        startLaunched('main', [], {
          ...base,
          LOG_LEVEL: 'debug',
          TELEGRAM_BOT_TOKEN: fake.token,
          TELEGRAM_API_ROOT: fake.apiRoot,
          TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${balancer.port}/telegram`,
          PORT: String(port),
        }),
      );
      for (const bot of bots) cleanup.push(() => bot.killAll());
      await Promise.all(bots.map((bot) => bot.waitForStderr(/listening for webhook updates/)));
      // Both registered the same URL and secret (no TELEGRAM_WEBHOOK_SECRET: one derived from the token).
      const registered = fake.callsOf('setWebhook').map((c) => c.body.secret_token);
      expect(registered).toHaveLength(2);
      expect(new Set(registered).size).toBe(1);

      const updates = CHATS.flatMap((chat, i) =>
        QUESTIONS.map((question) => textUpdate(chat, i % 2 === 0 ? ALICE : BOB, question)),
      );
      const sentIds = updates.map((u) => ({ chat: u.message?.chat.id, id: u.message?.message_id }));
      const deliveries = await webhookSender(fake).deliver(updates);
      expect(deliveries.every((d) => d.attempts.length === 1 && d.attempts[0] === 200)).toBe(true);
      // The balancer spread the deliveries over both processes.
      expect([...balancer.connections.values()].every((n) => n > 0)).toBe(true);

      for (const chat of CHATS) {
        const answers = fake.callsOf('sendMessage').filter((c) => Number(c.body.chat_id) === chat.id);
        const expected = sentIds.filter((s) => s.chat === chat.id).map((s) => s.id);
        expect(answers.map(replyTo)).toEqual(expected);
      }

      // The digest: both schedulers tick each minute; the database claim lets one of them post it.
      await Promise.race(bots.map((bot) => bot.waitForStderr(/digest sent/)));
      await everyTickDone(bots);
      const digests = fake.callsOf('sendMessage').filter((c) => Number(c.body.chat_id) === DIGEST_CHAT);
      expect(digests).toHaveLength(1);
      expect(bots.filter((bot) => /digest sent/.test(bot.stderr()))).toHaveLength(1);

      for (const bot of bots) bot.child.kill('SIGTERM');
      const exits = await Promise.all(bots.map((bot) => bot.exited));
      expect(exits.map((e) => e.status)).toEqual([0, 0]);
    },
  );

  it.each(stores)(
    'on one %s database, Discord shards 0/2 and 1/2: each interaction answered once; a due digest posted once',
    async (_name, open) => {
      const time = budget(TIMEOUT);
      const database = await open();
      cleanup.push(() => database.drop());
      const fake = await startFakeDiscord();
      cleanup.push(() => fake.close());
      // Guilds whose events Discord sends to shard 0 and to shard 1 of 2 ((id >> 22) % 2), and a DM (shard 0).
      const guilds = [10n, 11n].map((n) => ((n << 22n) + 7n).toString());
      const channel = '300000000000000001';
      const base = { ...database.env, ENGINE: 'extractive' };
      const subscribe = await runCli(
        [
          'digest',
          'subscribe',
          '--platform',
          'discord',
          '--target',
          channel,
          '--guild',
          guilds[0] ?? '',
          '--time',
          '00:00',
          '--now',
        ],
        base,
      );
      expect(subscribe.stderr).toBe('');
      expect(subscribe.status).toBe(0);

      const bots = ['0/2', '1/2'].map((shards) =>
        startLaunched('main', [], {
          ...base,
          LOG_LEVEL: 'debug',
          DISCORD_TOKEN: fake.token,
          DISCORD_APPLICATION_ID: fake.applicationId,
          DISCORD_API_ROOT: fake.apiRoot,
          DISCORD_SHARDS: shards,
        }),
      );
      for (const bot of bots) cleanup.push(() => bot.killAll());
      await Promise.all(bots.map((bot) => bot.waitForStderr(/discord adapter ready/)));
      expect(fake.shards.sort((a, b) => a.id - b.id)).toEqual([
        { id: 0, count: 2 },
        { id: 1, count: 2 },
      ]);

      const actors = [
        ...guilds.map((guildId, i) => ({
          userId: `40000000000000000${i}`,
          permissions: MEMBER_PERMISSIONS,
          guildId,
          channelId: channel,
        })),
        { userId: '400000000000000009', channelId: '300000000000000009' },
      ];
      const interactions = actors.flatMap((actor) =>
        QUESTIONS.slice(0, 2).map((q) =>
          chatInput(fake.applicationId, actor, 'ask', [str('question', q.replace('/ask ', ''))]),
        ),
      );
      for (const interaction of interactions) fake.dispatchInteraction(interaction);
      for (const interaction of interactions) {
        await fake
          .waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token), time.left())
          .catch((error: Error) => {
            // Which one, and what the processes said: a lost interaction and a slow one look alike otherwise.
            const said = bots.map((bot) =>
              bot
                .stderr()
                .split('\n')
                .filter((l) => /"level":[45]0/.test(l)),
            );
            throw new Error(`${error.message} (the answer to interaction ${interaction.id}): ${JSON.stringify(said)}`);
          });
      }
      for (const interaction of interactions) {
        const callbacks = fake.find('POST', new RegExp(`/interactions/${interaction.id}/`));
        expect(callbacks.map((c) => c.status)).toEqual([204]);
        expect(fake.find('PATCH', new RegExp(interaction.token))).toHaveLength(1);
      }

      await Promise.race(bots.map((bot) => bot.waitForStderr(/digest sent/)));
      await everyTickDone(bots);
      expect(fake.channelMessages.get(channel)).toHaveLength(1);
      expect(bots.filter((bot) => /digest sent/.test(bot.stderr()))).toHaveLength(1);

      for (const bot of bots) bot.child.kill('SIGTERM');
      const exits = await Promise.all(bots.map((bot) => bot.exited));
      expect(exits.map((e) => e.status)).toEqual([0, 0]);
    },
  );
});
