import type { AdapterCore, RunningAdapter } from '../running-adapter.ts';

export interface DiscordOptions {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  /** REST root, e.g. https://discord.com/api. */
  apiRoot: string;
}

/** PLACEHOLDER (the Discord issue implements it): logs the discord.js client in. */
export async function startDiscord(_options: DiscordOptions, _core: AdapterCore): Promise<RunningAdapter> {
  throw new Error('The Discord adapter is not implemented yet');
}
