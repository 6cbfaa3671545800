import type { AdapterCore, RunningAdapter } from '../running-adapter.ts';

export interface TelegramOptions {
  token: string;
  apiRoot?: string | undefined;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  port: number;
}

/** PLACEHOLDER (the Telegram issue implements it): starts the grammY bot. */
export async function startTelegram(_options: TelegramOptions, _core: AdapterCore): Promise<RunningAdapter> {
  throw new Error('The Telegram adapter is not implemented yet');
}
