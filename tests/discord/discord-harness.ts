/**
 * Test harness: the real app (SQLite in memory, seed corpus), the real
 * discord.js adapter, and the fake Discord it logs in to. Helpers dispatch
 * interactions and collect what the fake received for each of them.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { startDiscord } from '../../adapters/discord/start-discord.ts';
import type { AdapterCore, RunningAdapter } from '../../adapters/running-adapter.ts';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { type Logger, silentLogger } from '../../core/ports/logger.ts';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../fakes/discord.ts';
import type { Actor, RawInteraction } from '../fakes/discord-interactions.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from '../fakes/discord-interactions.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export const GUILD_ID = '423456789012345678';
export const CHANNEL_ID = '523456789012345678';
export const OTHER_CHANNEL_ID = '523456789012345999';
export const admin: Actor = {
  userId: '323456789012345001',
  permissions: ADMIN_PERMISSIONS,
  guildId: GUILD_ID,
  channelId: CHANNEL_ID,
};
export const member: Actor = {
  userId: '323456789012345002',
  permissions: MEMBER_PERMISSIONS,
  guildId: GUILD_ID,
  channelId: CHANNEL_ID,
};
export const dmUser: Actor = { userId: '323456789012345003', channelId: '623456789012345678' };

/** A logger that keeps error and warning lines, so tests can check nothing went wrong unnoticed. */
export function recordingLogger(): Logger & { lines: { level: string; msg: string | undefined }[] } {
  const lines: { level: string; msg: string | undefined }[] = [];
  const keep = (level: string) => (obj: object | string, msg?: string) => {
    lines.push({ level, msg: typeof obj === 'string' ? obj : msg });
  };
  return { ...silentLogger, warn: keep('warn'), error: keep('error'), lines };
}

export interface DiscordHarness {
  fake: FakeDiscord;
  app: App;
  adapter: RunningAdapter;
  logger: ReturnType<typeof recordingLogger>;
  /** Dispatches an interaction and waits for its acknowledgement (the callback). */
  send(interaction: RawInteraction): Promise<RecordedRequest>;
  /** Every request the fake got for an interaction (callback, edits, follow-ups, deletes), in order. */
  requestsOf(interaction: RawInteraction): RecordedRequest[];
  /** Waits for a request of this interaction matching a predicate. */
  waitFor(interaction: RawInteraction, predicate: (r: RecordedRequest) => boolean): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { core?: (app: App, logger: Logger) => AdapterCore; heartbeatIntervalMs?: number } = {},
): Promise<DiscordHarness> {
  const fake = await startFakeDiscord({ heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000 });
  const app = await createApp(
    loadConfig({ DATABASE_PATH: ':memory:', SEEDS_DIR, LOG_LEVEL: 'silent', ENGINE: 'extractive' }),
    silentLogger,
  );
  const logger = recordingLogger();
  const core = options.core?.(app, logger) ?? { attache: app.attache, digests: app.digests, logger };
  const adapter = await startDiscord(
    { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot, drainTimeoutMs: 5_000 },
    core,
  );
  const belongs = (interaction: RawInteraction) => (r: RecordedRequest) =>
    r.path.includes(`/${interaction.token}`) || r.path.includes(`/interactions/${interaction.id}/`);
  return {
    fake,
    app,
    adapter,
    logger,
    async send(interaction) {
      fake.dispatchInteraction(interaction);
      return fake.waitForRequest((r) => r.method === 'POST' && r.path.includes(`/interactions/${interaction.id}/`));
    },
    requestsOf: (interaction) => fake.requests.filter(belongs(interaction)),
    waitFor: (interaction, predicate) => fake.waitForRequest((r) => belongs(interaction)(r) && predicate(r)),
    async close() {
      await adapter.stop();
      await fake.close();
      app.close();
    },
  };
}

export interface MessageBody {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    color?: number;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: { type: number; components: { custom_id?: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[] };
  flags?: number;
}

/** The message body of a callback (type 4 data) or of a webhook edit / follow-up. */
export function messageBody(r: RecordedRequest): MessageBody {
  const body = r.body as { type?: number; data?: MessageBody } & MessageBody;
  return r.path.endsWith('/callback') ? (body.data ?? {}) : body;
}

/** Asserts Discord's limits and empty allowed mentions on one message payload. */
export function expectWithinLimits(body: Pick<MessageBody, 'content' | 'embeds' | 'allowed_mentions'>): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value.length).toBeGreaterThan(0);
      total += f.name.length + f.value.length;
    }
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(6000);
}
