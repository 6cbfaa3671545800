/** The real Telegram adapter long-polling a fake Bot API, with a way to wait for each update to be handled. */
import type { AdapterCore } from '../../adapters/running-adapter.ts';
import { startTelegram, type TelegramAdapter, type TelegramOptions } from '../../adapters/telegram/start-telegram.ts';
import { type FakeTelegramApi, type NewUpdate, type RecordedCall, startFakeTelegram } from '../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';

export interface TelegramRig {
  fake: FakeTelegramApi;
  adapter: TelegramAdapter;
  /** Pushes an update; resolves once the bot has handled it, with the calls it made meanwhile (polls excluded). */
  send(update: NewUpdate): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export async function startTelegramRig(
  core: AdapterCore,
  options: Partial<TelegramOptions> = {},
  fake?: FakeTelegramApi,
): Promise<TelegramRig> {
  const api = fake ?? (await startFakeTelegram());
  const done = new Set<number>();
  const waiters = new Map<number, () => void>();
  const adapter = await startTelegram(
    {
      token: api.token,
      apiRoot: api.apiRoot,
      port: 0,
      rateLimit: { limit: 1000, windowMs: 60_000 },
      ...options,
      onUpdateHandled: (id) => {
        done.add(id);
        waiters.get(id)?.();
      },
    },
    core,
  );
  return {
    fake: api,
    adapter,
    async send(update) {
      const from = api.calls.length;
      const id = api.pushUpdate(update);
      if (!done.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve));
      waiters.delete(id);
      return api.calls.slice(from).filter((c) => c.method !== 'getUpdates');
    },
    async close() {
      await adapter.stop();
      if (!fake) await api.close();
    },
  };
}

/** The sendMessage calls that Telegram accepted. */
export function sentMessages(calls: readonly RecordedCall[]): RecordedCall[] {
  return calls.filter((c) => c.method === 'sendMessage' && c.failedWith === undefined);
}

/** Visible text of a sent message. */
export function visibleText(call: RecordedCall): string {
  return checkTelegramHtml(String(call.body.text ?? '')).visible;
}

/** Callback data of the inline buttons of a sent message. */
export function buttonsOf(call: RecordedCall): string[] {
  const raw = call.body.reply_markup;
  const markup = (typeof raw === 'string' ? JSON.parse(raw) : raw) as
    | { inline_keyboard?: { callback_data?: string }[][] }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}
