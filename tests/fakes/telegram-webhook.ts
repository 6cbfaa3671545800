/**
 * Telegram's side of webhook mode, on loopback: POSTs updates to the URL (and with the secret) that the bot
 * registered with setWebhook on the fake Bot API. Like Telegram, it sends a chat's next update only once the
 * previous one was answered, sends different chats' updates concurrently, and sends an update again when the
 * answer is not 2xx. Each POST opens a new connection, so a balancer in front of several instances spreads them.
 */
import { request } from 'node:http';
import type { Update } from 'grammy/types';
import type { FakeTelegramApi, NewUpdate } from './telegram-api.ts';

export interface Delivery {
  updateId: number;
  chatId: number;
  /** HTTP status of each attempt (0: the connection failed). */
  attempts: number[];
}

export interface WebhookSender {
  /** Delivers the updates; resolves when each has been answered 2xx or has run out of attempts. */
  deliver(updates: readonly NewUpdate[]): Promise<Delivery[]>;
}

function chatOf(update: NewUpdate): number {
  const message = update.message ?? update.channel_post ?? update.callback_query?.message;
  return message?.chat.id ?? 0;
}

/** One webhook POST as Telegram makes it; resolves with the HTTP status, 0 when the connection failed. */
export function post(url: URL, secret: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': secret,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Reads the webhook the bot registered (the last setWebhook call) from the fake Bot API. */
export function webhookSender(fake: FakeTelegramApi, options: { firstUpdateId?: number; attempts?: number } = {}) {
  let nextUpdateId = options.firstUpdateId ?? 5000;
  const maxAttempts = options.attempts ?? 3;
  const sender: WebhookSender = {
    async deliver(updates) {
      const registered = fake.callsOf('setWebhook').at(-1)?.body;
      if (!registered) throw new Error('fake Telegram: no webhook was registered');
      const url = new URL(String(registered.url));
      const secret = String(registered.secret_token ?? '');
      const byChat = new Map<number, Update[]>();
      for (const update of updates) {
        const full = { ...update, update_id: nextUpdateId++ } as Update;
        const chat = chatOf(update);
        byChat.set(chat, [...(byChat.get(chat) ?? []), full]);
      }
      const chats = [...byChat.entries()].map(async ([chatId, queue]) => {
        const done: Delivery[] = [];
        for (const update of queue) {
          const attempts: number[] = [];
          while (attempts.length < maxAttempts) {
            const status = await post(url, secret, JSON.stringify(update));
            attempts.push(status);
            if (status >= 200 && status < 300) break;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          done.push({ updateId: update.update_id, chatId, attempts });
        }
        return done;
      });
      return (await Promise.all(chats)).flat();
    },
  };
  return sender;
}
