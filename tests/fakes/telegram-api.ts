/**
 * A loopback fake of the Telegram Bot API (POST {root}/bot{token}/{method}),
 * enough for a real grammY bot to long-poll through it: scripted updates are
 * served by getUpdates with offsets, every call is recorded, and failures
 * (429 with retry_after, 403 for a chat) can be scripted. Like Telegram, it
 * rejects sendMessage text that is not valid HTML or longer than 4,096
 * visible characters.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Chat, Message, Update, User } from 'grammy/types';
import { checkTelegramHtml } from './telegram-html.ts';

export type Json = Record<string, unknown>;

export interface RecordedCall {
  seq: number;
  method: string;
  body: Json;
  /** performance.now() when the call arrived. */
  at: number;
  /** The error_code answered, when the call was made to fail. */
  failedWith?: number;
}

export interface ScriptedFailure {
  error_code: number;
  description: string;
  retry_after?: number;
}

export type NewUpdate = Omit<Update, 'update_id'>;

export const FAKE_TOKEN = '123456:FAKE-token_for-tests';
export const FAKE_BOT: User = { id: 9000, is_bot: true, first_name: 'Attaché', username: 'attache_test_bot' };

export interface FakeTelegramApi {
  /** Give this to the bot as apiRoot. */
  apiRoot: string;
  token: string;
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: NewUpdate): number;
  /** The next `times` calls of `method` fail with `failure`. */
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  /** Every message or chat action sent to this chat fails with `failure` (e.g. 403 blocked). */
  failChat(chatId: number, failure: ScriptedFailure): void;
  /**
   * Calls of `method` whose body matches `when` are recorded and never answered (a platform that hangs while a bot
   * process is killed mid-call); `stall(null)` lifts it.
   */
  stall(method: string | null, when?: (body: Json) => boolean): void;
  /** getChatMember answers this status for the user in the chat (default: member). */
  setMemberStatus(chatId: number, userId: number, status: 'creator' | 'administrator' | 'member' | 'left'): void;
  /** Resolves with the first call (from index `from`) matching the predicate. */
  waitForCall(predicate: (call: RecordedCall) => boolean, from?: number, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (raw === '') return query;
  if ((req.headers['content-type'] ?? '').includes('application/json'))
    return { ...query, ...(JSON.parse(raw) as Json) };
  return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

function fail(res: ServerResponse, failure: ScriptedFailure): void {
  const { retry_after, ...rest } = failure;
  send(res, failure.error_code, {
    ok: false,
    ...rest,
    ...(retry_after !== undefined ? { parameters: { retry_after } } : {}),
  });
}

/** Starts the fake on 127.0.0.1 with a random port. `holdMs`: how long an empty getUpdates waits. */
export async function startFakeTelegram(options: { holdMs?: number; token?: string } = {}): Promise<FakeTelegramApi> {
  const token = options.token ?? FAKE_TOKEN;
  const holdMs = options.holdMs ?? 250;
  const calls: RecordedCall[] = [];
  const queue: Update[] = [];
  const chats = new Map<number, Chat>();
  const failures = new Map<string, ScriptedFailure[]>();
  const chatFailures = new Map<number, ScriptedFailure>();
  const members = new Map<string, string>();
  let stalled: { method: string; when: (body: Json) => boolean } | null = null;
  const callListeners = new Set<() => void>();
  const pollers = new Set<() => void>();
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let closed = false;
  const wake = (set: Set<() => void>) => {
    for (const listener of [...set]) listener();
  };

  const message = (body: Json): Message => {
    const chatId = Number(body.chat_id);
    const chat = chats.get(chatId) ?? ({ id: chatId, type: 'private', first_name: 'Someone' } as Chat);
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: FAKE_BOT,
      text: String(body.text ?? ''),
    } as Message;
  };

  const getUpdates = (body: Json, res: ServerResponse) => {
    const offset = Number(body.offset ?? 0);
    while (queue.length > 0 && (queue[0]?.update_id ?? 0) < offset) queue.shift();
    if (queue.length > 0 || closed)
      return send(res, 200, { ok: true, result: queue.slice(0, Number(body.limit ?? 100)) });
    const answer = () => {
      pollers.delete(answer);
      clearTimeout(timer);
      send(res, 200, { ok: true, result: queue.filter((u) => u.update_id >= offset) });
    };
    const timer = setTimeout(answer, Math.min(holdMs, Number(body.timeout ?? 0) * 1000 || holdMs));
    pollers.add(answer);
    res.once('close', () => {
      pollers.delete(answer);
      clearTimeout(timer);
    });
  };

  const handlers: Record<string, (body: Json) => unknown> = {
    getMe: () => ({
      ...FAKE_BOT,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),
    deleteWebhook: () => true,
    setWebhook: () => true,
    setMyCommands: () => true,
    sendChatAction: () => true,
    answerCallbackQuery: () => true,
    sendMessage: (body) => message(body),
    editMessageText: (body) => ({ ...message(body), message_id: Number(body.message_id) }),
    editMessageReplyMarkup: (body) => ({ ...message(body), message_id: Number(body.message_id) }),
    getChatMember: (body) => ({
      status: members.get(`${body.chat_id}:${body.user_id}`) ?? 'member',
      user: { id: Number(body.user_id), is_bot: false, first_name: 'Member' },
    }),
  };

  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const body = await readBody(req);
      if (!match || match[1] !== token)
        return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = match[2] ?? '';
      const call: RecordedCall = { seq: calls.length, method, body, at: performance.now() };
      calls.push(call);
      wake(callListeners);
      if (stalled && stalled.method === method && stalled.when(body)) return;
      const scripted = failures.get(method)?.shift();
      const chatFailure = ['sendMessage', 'sendChatAction'].includes(method)
        ? chatFailures.get(Number(body.chat_id))
        : undefined;
      const failure = scripted ?? chatFailure;
      if (failure) {
        call.failedWith = failure.error_code;
        return fail(res, failure);
      }
      if (method === 'getUpdates') return getUpdates(body, res);
      if (method === 'sendMessage' || method === 'editMessageText') {
        const check = checkTelegramHtml(String(body.text ?? ''));
        const problem =
          body.parse_mode === 'HTML' && check.errors.length > 0
            ? `Bad Request: can't parse entities: ${check.errors[0]}`
            : check.visible.length > 4096
              ? 'Bad Request: message is too long'
              : null;
        if (problem) {
          call.failedWith = 400;
          return fail(res, { error_code: 400, description: problem });
        }
      }
      const handler = handlers[method];
      if (!handler) return fail(res, { error_code: 404, description: 'Not Found: method not found' });
      send(res, 200, { ok: true, result: handler(body) });
    })().catch((error: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    pushUpdate(update) {
      const full = { ...update, update_id: nextUpdateId++ } as Update;
      const incoming = full.message ?? full.channel_post ?? full.callback_query?.message;
      if (incoming) chats.set(incoming.chat.id, incoming.chat);
      queue.push(full);
      wake(pollers);
      return full.update_id;
    },
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    failChat(chatId, failure) {
      chatFailures.set(chatId, failure);
    },
    stall(method, when = () => true) {
      stalled = method === null ? null : { method, when };
    },
    setMemberStatus(chatId, userId, status) {
      members.set(`${chatId}:${userId}`, status);
    },
    waitForCall(predicate, from = 0, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.slice(from).find(predicate);
          if (!found) return;
          callListeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          callListeners.delete(check);
          reject(new Error('fake Telegram: the expected call did not arrive'));
        }, timeoutMs);
        callListeners.add(check);
        check();
      });
    },
    async close() {
      closed = true;
      wake(pollers);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
