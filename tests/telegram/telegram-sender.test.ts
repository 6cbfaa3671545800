import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramSender } from '../../adapters/telegram/telegram-sender.ts';
import { createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { wireDigestRunner } from '../../bot/wire-digests.ts';
import { PlatformError } from '../../core/errors.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { SEEDS_DIR } from '../contract/contract-env.ts';
import { type FakeTelegramApi, startFakeTelegram } from '../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';
import { ALICE, privateChat, textUpdate } from '../fakes/telegram-updates.ts';
import { sendWhole } from '../support/send-whole.ts';
import { sentMessages, startTelegramRig, visibleText } from './telegram-rig.ts';

const reply = (blocks = 1): Reply => ({
  kind: 'briefing',
  status: 'answered',
  title: 'Daily digest — <Geneva>',
  text: '',
  blocks: Array.from({ length: blocks }, (_, i) => ({
    text: `Claim ${i} ${'with detail '.repeat(30)}[1]`,
    citations: [1],
  })),
  citations: [
    {
      n: 1,
      documentId: 'd',
      passageId: 'd:0',
      quote: 'A quote & more.',
      outlet: 'DW',
      title: 'T',
      publishedAt: '2022-01-09',
      url: null,
    },
  ],
  engine: 'extractive',
  asOf: '2022-01-09',
});

let fake: FakeTelegramApi;

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake?.close();
});

const sender = () => createTelegramSender({ token: fake.token, apiRoot: fake.apiRoot });

describe('createTelegramSender', () => {
  it('sends a Reply as HTML messages, without buttons, and returns their ids in order', async () => {
    const from = fake.calls.length;
    const outcome = await sendWhole(sender(), '4242', reply(30));
    const sent = sentMessages(fake.calls.slice(from));
    expect(sent.length).toBeGreaterThan(1);
    expect(outcome).toEqual({ status: 'sent', messageIds: expect.any(Array) });
    expect(outcome.status === 'sent' && outcome.messageIds).toHaveLength(sent.length);
    for (const call of sent) {
      expect(call.body).toMatchObject({ chat_id: '4242', parse_mode: 'HTML' });
      expect(call.body.reply_markup).toBeUndefined();
      expect(checkTelegramHtml(String(call.body.text)).errors).toEqual([]);
    }
    expect(sent.map(visibleText).join('\n')).toMatch(/^Daily digest — <Geneva>/);
  });

  it('reports a chat that blocked the bot or no longer exists as gone', async () => {
    fake.failChat(403, { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    fake.failChat(400, { error_code: 400, description: 'Bad Request: chat not found' });
    await expect(sendWhole(sender(), '403', reply())).resolves.toEqual({
      status: 'gone',
      reason: '403: Forbidden: bot was blocked by the user',
    });
    await expect(sendWhole(sender(), '400', reply())).resolves.toEqual({
      status: 'gone',
      reason: '400: Bad Request: chat not found',
    });
  });

  it('throws retryable PlatformErrors for long flood waits and server errors, with retry_after', async () => {
    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 30',
      retry_after: 30,
    });
    const flood = await sendWhole(sender(), '1', reply()).catch((error: unknown) => error);
    expect(flood).toBeInstanceOf(PlatformError);
    expect(flood).toMatchObject({ retryable: true, retryAfterMs: 30_000, code: 'rate_limited' });

    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await expect(sendWhole(sender(), '1', reply())).rejects.toMatchObject({ retryable: true, code: 'unavailable' });

    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: message thread not found' });
    await expect(sendWhole(sender(), '1', reply())).rejects.toMatchObject({ retryable: false, code: 'rejected' });
  });
});

describe('digest delivery through the DigestApi', () => {
  it('posts the due digest to a chat subscribed through the bot; a blocked chat is reported gone', async () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEEDS_DIR, LOG_LEVEL: 'silent', ENGINE: 'extractive' });
    const app = await createApp(config, silentLogger, { now: () => new Date('2026-01-10T06:00:00Z') });
    const rig = await startTelegramRig({ attache: app.attache, digests: app.digests, logger: silentLogger }, {}, fake);
    try {
      const gone = { id: 31337, is_bot: false, first_name: 'Gone' };
      for (const user of [ALICE, gone]) {
        const confirmation = await rig.send(textUpdate(privateChat(user), user, '/subscribe 07:00 UTC'));
        expect(sentMessages(confirmation).map(visibleText).join('')).toMatch(/Every day at 07:00 \(UTC\)/);
      }
      fake.failChat(gone.id, { error_code: 403, description: 'Forbidden: bot was blocked by the user' });

      const from = fake.calls.length;
      const runner = wireDigestRunner(app, silentLogger, { sleep: async () => undefined });
      const report = await runner.runDue(new Date('2026-01-10T07:00:00Z'), [sender()]);
      const byTarget = Object.fromEntries(report.items.map((item) => [item.targetId, item]));
      expect(byTarget[String(ALICE.id)]).toMatchObject({ outcome: 'sent', localDate: '2026-01-10' });
      expect(byTarget[String(gone.id)]).toMatchObject({ outcome: 'gone' });

      const delivered = sentMessages(fake.calls.slice(from)).filter((c) => String(c.body.chat_id) === String(ALICE.id));
      expect(delivered.length).toBeGreaterThan(0);
      expect(byTarget[String(ALICE.id)]?.messageIds).toHaveLength(delivered.length);
      const text = delivered.map(visibleText).join('\n');
      expect(text).toMatch(/^Daily digest/);
      expect(text).toMatch(/\[1\]/);
      expect(text).toContain('/unsubscribe');
      for (const call of delivered) expect(checkTelegramHtml(String(call.body.text)).errors).toEqual([]);
    } finally {
      await rig.close();
      app.close();
    }
  });
});
