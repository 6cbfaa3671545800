import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../adapters/telegram/bot-commands.ts';
import { MEDIA_HINT } from '../../adapters/telegram/protection.ts';
import type { AttacheApi } from '../../core/api.ts';
import { RATE_LIMIT_MESSAGE } from '../../core/commands/guards.ts';
import { MAX_INPUT_CHARS } from '../../core/input.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { type ContractEnv, createContractEnv } from '../contract/contract-env.ts';
import { FAKE_BOT, FAKE_TOKEN, type RecordedCall } from '../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';
import {
  ADMIN,
  ALICE,
  BOB,
  botMessage,
  callbackUpdate,
  GROUP,
  photoUpdate,
  privateChat,
  stickerUpdate,
  textUpdate,
} from '../fakes/telegram-updates.ts';
import { buttonsOf, sentMessages, startTelegramRig, type TelegramRig, visibleText } from './telegram-rig.ts';

interface CoreCall {
  method: string;
  input: unknown;
}

/** Wraps core so the test sees which calls (and conversation ids) the adapter made. */
function recording(attache: AttacheApi, calls: CoreCall[]): AttacheApi {
  const note = (method: string, input: unknown) => calls.push({ method, input });
  return {
    brief(input) {
      note('brief', input);
      return attache.brief(input);
    },
    ask(input) {
      note('ask', input);
      return attache.ask(input);
    },
    more(input) {
      note('more', input);
      return attache.more(input);
    },
    sources: () => attache.sources(),
    timeline: (input) => attache.timeline(input),
    why: (input) => attache.why(input),
    async lastCitations(input) {
      note('lastCitations', input);
      return await attache.lastCitations(input);
    },
    search: (text, limit) => attache.search(text, limit),
  };
}

function recordingLogger(lines: string[]): Logger {
  const log = (obj: object | string, msg?: string) => lines.push(JSON.stringify({ obj, msg }));
  return { debug: log, info: log, warn: log, error: log };
}

/** Every message must be valid Telegram HTML within the limit. */
function expectValid(calls: readonly RecordedCall[]): void {
  for (const call of sentMessages(calls)) {
    expect(call.body.parse_mode).toBe('HTML');
    const check = checkTelegramHtml(String(call.body.text));
    expect(check.errors).toEqual([]);
    expect(check.visible.length).toBeLessThanOrEqual(4096);
  }
}

const texts = (calls: readonly RecordedCall[]) => sentMessages(calls).map(visibleText).join('\n');

let env: ContractEnv;
let rig: TelegramRig;
const coreCalls: CoreCall[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  env = await createContractEnv();
  const core = {
    ...env.core,
    attache: recording(env.core.attache, coreCalls),
    logger: recordingLogger(logLines),
    botAdmins: [`telegram:${ALICE.id}`, 'discord:555'],
  };
  rig = await startTelegramRig(core);
});

afterAll(async () => {
  await rig?.close();
  env?.close();
  // Whatever happened in these tests, the token never reached a log line.
  expect(logLines.join('\n')).not.toContain(FAKE_TOKEN.split(':')[1]);
});

const lastCoreCall = () => coreCalls.at(-1);

describe('start-up', () => {
  it('announces the commands, clears any webhook and polls', async () => {
    const [commands, admin, ...rest] = rig.fake.callsOf('setMyCommands');
    expect(commands?.body.commands).toEqual(BOT_COMMANDS);
    // A BOT_ADMINS user sees /feeds too, in their private chat; other platforms' admins are skipped.
    expect(admin?.body).toMatchObject({ scope: { type: 'chat', chat_id: ALICE.id } });
    expect(((admin?.body.commands ?? []) as { command: string }[]).map((c) => c.command)).toContain('feeds');
    expect(rest).toEqual([]);
    expect(rig.fake.callsOf('getMe')).toHaveLength(1);
    expect(rig.fake.callsOf('deleteWebhook')).toHaveLength(1);
    await expect(rig.fake.waitForCall((c) => c.method === 'getUpdates')).resolves.toMatchObject({
      body: { allowed_updates: ['message', 'channel_post', 'callback_query'] },
    });
  });
});

describe('private chats', () => {
  it('answers /brief with typing first, then cited HTML with More/Sources buttons', async () => {
    const calls = await rig.send(textUpdate(privateChat(ALICE), ALICE, '/brief Geneva talks'));
    expect(calls.map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(calls[0]?.body).toMatchObject({ chat_id: ALICE.id, action: 'typing' });
    expectValid(calls);
    const [message] = sentMessages(calls);
    expect(message?.body.text).toMatch(/^<b>/);
    expect(visibleText(message as RecordedCall)).toMatch(/\[1\][\s\S]*\nSources/);
    expect(buttonsOf(message as RecordedCall)).toEqual(['more', 'sources']);
    expect(lastCoreCall()).toEqual({
      method: 'brief',
      input: { topic: 'Geneva talks', conversation: `telegram:${ALICE.id}:${ALICE.id}` },
    });
  });

  it('treats any text as a question in the user’s conversation', async () => {
    const calls = await rig.send(textUpdate(privateChat(ALICE), ALICE, 'What did Ryabkov say about concessions?'));
    expectValid(calls);
    expect(texts(calls)).toMatch(/\[1\]/);
    expect(lastCoreCall()).toEqual({
      method: 'ask',
      input: { question: 'What did Ryabkov say about concessions?', conversation: `telegram:${ALICE.id}:${ALICE.id}` },
    });
  });

  it('answers button presses with answerCallbackQuery, then the content', async () => {
    const more = await rig.send(callbackUpdate(privateChat(ALICE), ALICE, 'more'));
    expect(more[0]?.method).toBe('answerCallbackQuery');
    expect(lastCoreCall()?.method).toBe('more');
    expect(sentMessages(more)).not.toHaveLength(0);
    expectValid(more);

    const sources = await rig.send(callbackUpdate(privateChat(ALICE), ALICE, 'sources'));
    expect(sources[0]?.method).toBe('answerCallbackQuery');
    expect(lastCoreCall()).toEqual({
      method: 'lastCitations',
      input: { conversation: `telegram:${ALICE.id}:${ALICE.id}` },
    });
    expect(texts(sources)).toContain(await firstCitedOutlet());
    expectValid(sources);

    const stale = await rig.send(callbackUpdate(privateChat(ALICE), ALICE, 'something-old'));
    expect(stale.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(stale[0]?.body.text).toMatch(/no longer active/);
  });

  it('gives a hint for stickers and photos, a usage line for an empty /ask, and asks to shorten long questions', async () => {
    expect(texts(await rig.send(stickerUpdate(privateChat(ALICE), ALICE)))).toBe(MEDIA_HINT);
    expect(texts(await rig.send(photoUpdate(privateChat(ALICE), ALICE)))).toBe(MEDIA_HINT);
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/ask')))).toMatch(
      /^Ask me a question after \/ask/,
    );
    const before = coreCalls.length;
    // One limit for every surface: core's (MAX_INPUT_CHARS), checked by core's guard before core is called.
    const long = texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, 'x'.repeat(MAX_INPUT_CHARS + 1))));
    expect(long).toMatch(/2,001 characters long; please shorten it to at most 2,000/);
    expect(coreCalls).toHaveLength(before);
  });

  it('tells the user about unknown commands', async () => {
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/frobnicate')))).toMatch(
      /don't know \/frobnicate/,
    );
  });
});

describe('groups', () => {
  it('ignores chatter and commands meant for other bots', async () => {
    expect(await rig.send(textUpdate(GROUP, BOB, 'What did Ryabkov say?'))).toEqual([]);
    expect(await rig.send(textUpdate(GROUP, BOB, '/brief@other_bot'))).toEqual([]);
    expect(await rig.send(textUpdate(GROUP, BOB, '/frobnicate'))).toEqual([]);
    expect(await rig.send(stickerUpdate(GROUP, BOB))).toEqual([]);
  });

  it('answers mentions (mention removed), replies to its messages and /cmd@bot, threaded under the question', async () => {
    const mention = await rig.send(textUpdate(GROUP, BOB, `@${FAKE_BOT.username} what did Ryabkov say?`));
    expect(lastCoreCall()).toEqual({
      method: 'ask',
      input: { question: 'what did Ryabkov say?', conversation: `telegram:${GROUP.id}:${BOB.id}` },
    });
    expect(sentMessages(mention)[0]?.body.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    expectValid(mention);

    await rig.send(textUpdate(GROUP, BOB, 'and about NATO?', { replyTo: botMessage(GROUP) }));
    expect(lastCoreCall()).toMatchObject({ method: 'ask', input: { question: 'and about NATO?' } });

    const command = await rig.send(textUpdate(GROUP, BOB, `/brief@${FAKE_BOT.username}`));
    expect(lastCoreCall()).toMatchObject({
      method: 'brief',
      input: { conversation: `telegram:${GROUP.id}:${BOB.id}` },
    });
    expect(sentMessages(command)).not.toHaveLength(0);
  });

  it('lets only administrators subscribe the group to the digest', async () => {
    rig.fake.setMemberStatus(GROUP.id, BOB.id, 'member');
    const refused = await rig.send(textUpdate(GROUP, BOB, '/subscribe 07:30 Europe/Berlin'));
    expect(refused.find((c) => c.method === 'getChatMember')?.body).toMatchObject({
      chat_id: GROUP.id,
      user_id: BOB.id,
    });
    expect(texts(refused)).toMatch(/Only administrators/);
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(GROUP.id) })).toBeNull();

    rig.fake.setMemberStatus(GROUP.id, ADMIN.id, 'creator');
    const accepted = await rig.send(textUpdate(GROUP, ADMIN, '/subscribe 07:30 Europe/Berlin'));
    expect(texts(accepted)).toMatch(/Every day at 07:30 \(Europe\/Berlin\)/);
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(GROUP.id) })).toMatchObject({
      localTime: '07:30',
      timezone: 'Europe/Berlin',
    });
    expect(texts(await rig.send(textUpdate(GROUP, ADMIN, '/unsubscribe')))).toMatch(/cancelled/);
  });

  it('takes +include, -exclude keywords (words or quoted phrases) and --silent on /subscribe', async () => {
    const command = '/subscribe 07:30 Europe/Berlin Geneva talks +NATO +“arms control” -"Premier League" —silent';
    const reply = texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, command)));
    expect(reply).toContain('Only stories with: nato, arms control. Never stories with: premier league.');
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(ALICE.id) })).toMatchObject({
      topic: 'Geneva talks',
      includeKeywords: ['nato', 'arms control'],
      excludeKeywords: ['premier league'],
      whenEmpty: 'silent',
    });
    const bad = texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/subscribe 07:30 UTC +***')));
    expect(bad).toMatch(/has no letters or digits/);
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/unsubscribe')))).toMatch(/cancelled/);
  });

  it('passes bad times and zones on to the digest rules, whose message the user sees', async () => {
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/subscribe 25:00')))).toMatch(
      /not a valid time/,
    );
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/subscribe 08:00 Mars/Olympus')))).toMatch(
      /Unknown time zone/,
    );
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/subscribe')))).toMatch(/^Usage: \/subscribe/);
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(ALICE.id) })).toBeNull();
  });

  it('accepts a channel post command without a member check (only admins can post)', async () => {
    const channel = { id: -1009988776655, type: 'channel' as const, title: 'Briefings' };
    const calls = await rig.send(textUpdate(channel, undefined, '/subscribe 06:00', { channel: true }));
    expect(calls.map((c) => c.method)).not.toContain('getChatMember');
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(channel.id) })).toMatchObject({
      localTime: '06:00',
      timezone: 'UTC',
    });
  });
});

describe('failures', () => {
  it('honours a 429 retry_after: the message is sent once, after the wait', async () => {
    rig.fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      retry_after: 1,
    });
    const calls = await rig.send(textUpdate(privateChat(ALICE), ALICE, '/sources'));
    const attempts = calls.filter((c) => c.method === 'sendMessage');
    expect(attempts.map((c) => c.failedWith)).toEqual([429, undefined]);
    const [limited, sent] = attempts as [RecordedCall, RecordedCall];
    expect(sent.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(sent.body.text).toBe(limited.body.text);
  });

  it('survives a chat that blocked the bot: one log line, no crash, others still served', async () => {
    const blocked = { id: 777, is_bot: false, first_name: 'Gone' };
    rig.fake.failChat(blocked.id, { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const before = logLines.length;
    await rig.send(textUpdate(privateChat(blocked), blocked, 'What did Ryabkov say?'));
    const logged = logLines.slice(before).join('\n');
    expect(logged).toContain('bot was blocked by the user');
    expect(texts(await rig.send(textUpdate(privateChat(ALICE), ALICE, '/help')))).toMatch(/What I know: 6 articles/);
  });
});

describe('robustness', () => {
  it('understands a command that arrives without its bot_command entity', async () => {
    const update = textUpdate(privateChat(ALICE), ALICE, '/sources');
    delete update.message?.entities;
    expect(texts(await rig.send(update))).toMatch(/^Sources — 6 articles/);
  });

  it('refuses a group subscription politely when membership cannot be checked', async () => {
    rig.fake.failNext('getChatMember', { error_code: 400, description: 'Bad Request: member list is inaccessible' });
    const calls = await rig.send(textUpdate(GROUP, ADMIN, '/subscribe 09:00'));
    expect(texts(calls)).toMatch(/Only administrators/);
    expect(await env.core.digests.status({ platform: 'telegram', targetId: String(GROUP.id) })).toBeNull();
  });

  it('still shows the content when answering the button press fails', async () => {
    rig.fake.failNext('answerCallbackQuery', { error_code: 400, description: 'Bad Request: query is too old' });
    const calls = await rig.send(callbackUpdate(privateChat(ALICE), ALICE, 'sources'));
    expect(calls[0]?.failedWith).toBe(400);
    expect(texts(calls)).toContain(await firstCitedOutlet());
  });
});

/** The outlet of the first citation of Alice's last reply, as core has it: what the Sources button must show. */
async function firstCitedOutlet(): Promise<string> {
  const cited = await env.core.attache.lastCitations({ conversation: `telegram:${ALICE.id}:${ALICE.id}` });
  const outlet = cited[0]?.outlet;
  if (!outlet) throw new Error('the last reply cites nothing with an outlet');
  return outlet;
}

describe('rate limit', () => {
  it('tells a flooding user once to slow down and drops the excess; other users are unaffected', async () => {
    const limited = await startTelegramRig(env.core, { rateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const replies: string[] = [];
      for (let i = 0; i < 4; i += 1)
        replies.push(texts(await limited.send(textUpdate(privateChat(BOB), BOB, '/help'))));
      expect(replies[0]).toMatch(/Attaché/);
      expect(replies[1]).toMatch(/Attaché/);
      expect(replies[2]).toBe(RATE_LIMIT_MESSAGE);
      expect(replies[3]).toBe('');
      expect(texts(await limited.send(textUpdate(privateChat(ALICE), ALICE, '/help')))).toMatch(/Attaché/);
    } finally {
      await limited.close();
    }
  });
});
