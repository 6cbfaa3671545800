import { afterEach, describe, expect, it } from 'vitest';
import type { AdapterCore } from '../../adapters/running-adapter.ts';
import { startTelegram } from '../../adapters/telegram/start-telegram.ts';
import type { AttacheApi } from '../../core/api.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Reply } from '../../core/reply.ts';
import { type ContractEnv, createContractEnv } from '../contract/contract-env.ts';
import { type FakeTelegramApi, startFakeTelegram } from '../fakes/telegram-api.ts';
import { ALICE, privateChat, textUpdate } from '../fakes/telegram-updates.ts';
import { sentMessages, startTelegramRig, visibleText } from './telegram-rig.ts';

let env: ContractEnv | undefined;
let fake: FakeTelegramApi | undefined;

afterEach(async () => {
  await fake?.close();
  env?.close();
  fake = undefined;
  env = undefined;
});

describe('webhook mode', () => {
  it('sets the webhook with its secret, serves updates that carry it, rejects others, and closes on stop', async () => {
    env = await createContractEnv();
    fake = await startFakeTelegram();
    const adapter = await startTelegram(
      {
        token: fake.token,
        apiRoot: fake.apiRoot,
        webhookUrl: 'https://bot.example.org/telegram',
        webhookSecret: 'S3cret_value',
        port: 0,
      },
      env.core,
    );
    const url = `http://127.0.0.1:${adapter.webhookPort}/telegram`;
    const post = (secret: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify({ update_id: 1, ...textUpdate(privateChat(ALICE), ALICE, '/sources') }),
      });
    try {
      expect(fake.callsOf('setWebhook')[0]?.body).toMatchObject({
        url: 'https://bot.example.org/telegram',
        secret_token: 'S3cret_value',
      });
      expect((await post('wrong')).status).toBe(401);
      expect(sentMessages(fake.calls)).toHaveLength(0);
      expect((await post('S3cret_value')).status).toBe(200);
      expect(sentMessages(fake.calls).map(visibleText).join('')).toMatch(/^Sources — 6 articles/);
      expect(fake.callsOf('getUpdates')).toHaveLength(0);
    } finally {
      await adapter.stop();
    }
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });
});

describe('ordering', () => {
  it('answers messages of one chat in order even when an earlier answer is slower', async () => {
    env = await createContractEnv();
    fake = await startFakeTelegram();
    const slowFirst: AttacheApi = {
      ...env.core.attache,
      ask: async (input): Promise<Reply> => {
        if (input.question.startsWith('first')) await new Promise((resolve) => setTimeout(resolve, 150));
        return {
          kind: 'answer',
          status: 'answered',
          title: input.question,
          text: '',
          blocks: [],
          citations: [],
          engine: 'extractive',
          asOf: null,
        };
      },
    };
    const rig = await startTelegramRig({ ...env.core, attache: slowFirst });
    try {
      await Promise.all(
        ['first: who met in Geneva?', 'second: what did Ryabkov say?'].map((q) =>
          rig.send(textUpdate(privateChat(ALICE), ALICE, q)),
        ),
      );
      expect(sentMessages(rig.fake.calls).map((c) => visibleText(c).slice(0, 7))).toEqual(['first: ', 'second:']);
    } finally {
      await rig.close();
    }
  });
});

describe('shutdown', () => {
  it('stop() stops polling and waits for the reply under way', async () => {
    env = await createContractEnv();
    fake = await startFakeTelegram();
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: AttacheApi = {
      ...env.core.attache,
      ask: async (input): Promise<Reply> => {
        await gate;
        return env?.core.attache.ask(input) as Promise<Reply>;
      },
    };
    const core: AdapterCore = { ...env.core, attache: slow };
    const adapter = await startTelegram({ token: fake.token, apiRoot: fake.apiRoot, port: 0 }, core);
    fake.pushUpdate(textUpdate(privateChat(ALICE), ALICE, 'What did Ryabkov say?'));
    await fake.waitForCall((c) => c.method === 'sendChatAction');

    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    // However long we wait, stop() cannot finish while the answer is held back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release?.();
    await stopping;
    const answers = sentMessages(fake.calls);
    expect(answers).toHaveLength(1);
    expect(visibleText(answers[0] as (typeof answers)[number])).toMatch(/\[1\]/);

    const polls = fake.callsOf('getUpdates').length;
    fake.pushUpdate(textUpdate(privateChat(ALICE), ALICE, 'Anyone there?'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsOf('getUpdates')).toHaveLength(polls);
  });

  it('fails start-up with a clear, token-free error when the token is rejected', async () => {
    env = await createContractEnv();
    fake = await startFakeTelegram();
    const error = await startTelegram(
      { token: '999:wrong-token-value', apiRoot: fake.apiRoot, port: 0 },
      env.core,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      variable: 'TELEGRAM_BOT_TOKEN',
      message: 'Invalid configuration: TELEGRAM_BOT_TOKEN was rejected by Telegram (401 Unauthorized).',
    });
  });
});
