import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSender, discordNonce } from '../../adapters/discord/discord-sender.ts';
import { PlatformError } from '../../core/errors.ts';
import type { Reply } from '../../core/reply.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord.ts';
import { sendWhole } from '../support/send-whole.ts';
import { expectWithinLimits, type MessageBody } from './discord-harness.ts';

const CHANNEL = '723456789012345678';

const reply: Reply = {
  kind: 'briefing',
  status: 'answered',
  title: 'Daily digest: Geneva talks',
  text: 'Russia ruled out concessions. [1]',
  blocks: [{ text: 'Russia ruled out concessions @everyone. [1]', citations: [1] }],
  citations: [
    {
      n: 1,
      documentId: '003_103cb3a0a2eb9731',
      passageId: '003_103cb3a0a2eb9731:1',
      quote: 'We will not agree to any concession.',
      outlet: 'DW',
      title: 'Russia not hopeful ahead of talks with US over Ukraine',
      publishedAt: '2022-01-09',
      url: null,
    },
  ],
  engine: 'extractive',
  asOf: '2022-01-09',
};

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

const sender = () => createDiscordSender({ token: fake.token, apiRoot: fake.apiRoot });
const fail = (status: number, code: number, message: string, headers?: Record<string, string>) => ({
  status,
  body: { message, code, ...(status === 429 ? { retry_after: 2.5, global: false } : {}) },
  ...(headers ? { headers } : {}),
});

describe('Discord digest sender (REST only)', () => {
  it('posts the reply to the channel with the bot token and returns the message id', async () => {
    const outcome = await sendWhole(sender(), CHANNEL, reply);
    const posted = fake.channelMessages.get(CHANNEL) ?? [];
    expect(outcome).toEqual({ status: 'sent', messageIds: [posted[0]?.id] });
    const request = fake.find('POST', new RegExp(`/channels/${CHANNEL}/messages$`)).at(-1);
    expect(request?.headers.authorization).toBe(`Bot ${fake.token}`);
    const body = request?.body as MessageBody;
    expectWithinLimits(body);
    expect(body.embeds?.[0]?.title).toBe('Daily digest: Geneva talks');
    expect(body.embeds?.[0]?.fields?.[0]?.value).toContain('[1] DW, 2022-01-09');
    expect(body.components ?? []).toEqual([]);
  });

  it('creates each part with a nonce from its key and enforce_nonce: the same part posted again is created once', async () => {
    const delivery = await sender().prepare(CHANNEL, reply);
    const before = fake.channelMessages.get(CHANNEL)?.length ?? 0;
    const first = await delivery.send(0, 'digest:7:2026-01-10:0');
    // Another process finishing the digest posts the part again, with the same key.
    const again = await createDiscordSender({ token: fake.token, apiRoot: fake.apiRoot })
      .prepare(CHANNEL, reply)
      .then((d) => d.send(0, 'digest:7:2026-01-10:0'));
    const other = await delivery.send(0, 'digest:7:2026-01-11:0');
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(fake.channelMessages.get(CHANNEL)?.length).toBe(before + 2);
    const posts = fake.find('POST', new RegExp(`/channels/${CHANNEL}/messages$`)).slice(-3);
    const nonces = posts.map((p) => (p.body as { nonce?: string }).nonce);
    expect(posts.map((p) => (p.body as { enforce_nonce?: boolean }).enforce_nonce)).toEqual([true, true, true]);
    expect(nonces[0]).toBe(discordNonce('digest:7:2026-01-10:0'));
    expect(nonces[1]).toBe(nonces[0]);
    expect(nonces[2]).not.toBe(nonces[0]);
    expect(nonces[0]?.length).toBeLessThanOrEqual(25);
  });

  it.each([
    [404, 10003, 'Unknown Channel'],
    [403, 50001, 'Missing Access'],
    [403, 50013, 'Missing Permissions'],
  ])('reports %i / %i as gone', async (status, code, message) => {
    fake.channelFailures.set(CHANNEL, [fail(status, code, message)]);
    const outcome = await sendWhole(sender(), CHANNEL, reply);
    expect(outcome).toMatchObject({ status: 'gone' });
    expect(outcome.status === 'gone' && outcome.reason).toContain(String(code));
  });

  it('throws a retryable PlatformError with retryAfterMs on 429', async () => {
    fake.channelFailures.set(CHANNEL, [fail(429, 0, 'You are being rate limited.', { 'retry-after': '3' })]);
    const error = await sendWhole(sender(), CHANNEL, reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ platform: 'discord', retryable: true, code: 'rate_limited' });
    expect((error as PlatformError).retryAfterMs).toBeGreaterThanOrEqual(3000);
  });

  it('throws a retryable PlatformError when Discord keeps failing with 5xx, and recovers from one', async () => {
    const serverError = { status: 502, body: { message: 'Bad Gateway', code: 0 } };
    fake.channelFailures.set(CHANNEL, [serverError]);
    expect(await sendWhole(sender(), CHANNEL, reply)).toMatchObject({ status: 'sent' });
    fake.channelFailures.set(CHANNEL, [serverError, serverError]);
    const error = await sendWhole(sender(), CHANNEL, reply).catch((e: unknown) => e);
    expect(error).toMatchObject({ platform: 'discord', retryable: true, code: 'unavailable' });
  });

  it('does not retry a bad token, and never puts the token in the error', async () => {
    const bad = createDiscordSender({ token: 'wrong-secret-token', apiRoot: fake.apiRoot });
    const error = await sendWhole(bad, CHANNEL, reply).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, code: 'unauthorized' });
    expect(String((error as Error).message)).not.toContain('wrong-secret-token');
  });

  it('treats a target that is not a channel id as gone without calling Discord', async () => {
    const before = fake.requests.length;
    expect(await sendWhole(sender(), 'not-a-channel', reply)).toMatchObject({ status: 'gone' });
    expect(fake.requests.length).toBe(before);
  });
});
