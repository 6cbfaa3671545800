import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/start-discord.ts';
import type { AdapterCore } from '../../adapters/running-adapter.ts';
import { PlatformError } from '../../core/errors.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { startFakeDiscord } from '../fakes/discord.ts';
import { buttonPress, chatInput, str } from '../fakes/discord-interactions.ts';
import { admin, type DiscordHarness, member, messageBody, startHarness } from './discord-harness.ts';
import { startLaunched } from './run-process.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Discord adapter lifecycle', () => {
  it('logs in with the Guilds intent only, through the gateway URL from GET /gateway/bot, and keeps heartbeating', async () => {
    // Short enough for two heartbeats in a test, long enough that a loaded machine still acknowledges each one before
    // the next is due (a missed ACK makes the client resume, closing with 4200, as it must with a zombie connection).
    const h = await startHarness({ heartbeatIntervalMs: 1_000 });
    cleanups.push(() => h.close());
    const [discovery] = h.fake.find('GET', /^\/api\/v10\/gateway\/bot$/);
    expect(discovery?.headers.authorization).toBe(`Bot ${h.fake.token}`);
    const identify = h.fake.gatewayReceived.find((f) => f.op === 2)?.d as { token: string; intents: number };
    expect(identify).toMatchObject({ token: h.fake.token, intents: 1 });
    // Two heartbeats: the second is only sent when the first was acknowledged (op 11).
    await h.fake.waitForFrame((f) => f.op === 1 && h.fake.gatewayReceived.filter((g) => g.op === 1).length >= 2);
    const interaction = chatInput(h.fake.applicationId, member, 'more');
    await h.send(interaction);
    await h.waitFor(interaction, (r) => r.method === 'PATCH' || r.method === 'DELETE');
    expect(h.fake.gatewayClosures).toEqual([]);
  });

  it('fails to start with a clear error that does not show the token when Discord rejects it', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const core = { attache: {} as AdapterCore['attache'], digests: {} as AdapterCore['digests'], logger: silentLogger };
    const options = { token: 'not-the-right-token', applicationId: fake.applicationId, apiRoot: fake.apiRoot };
    const error = await startDiscord(options, core).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).message).toBe('Discord login failed: An invalid token was provided.');
    expect(fake.find('GET', /\/gateway\/bot$/)[0]?.status).toBe(401);
    expect((error as PlatformError).message).not.toContain('not-the-right-token');
    expect(fake.gatewayReceived).toEqual([]);

    const silent = await startFakeDiscord({ withholdReady: true });
    cleanups.push(() => silent.close());
    const hung = { token: silent.token, applicationId: silent.applicationId, apiRoot: silent.apiRoot };
    const timeout = await startDiscord({ ...hung, readyTimeoutMs: 300 }, core).catch((e: unknown) => e);
    expect((timeout as Error).message).toBe('Discord login failed: the gateway sent no READY within 0.3 s');
    expect(silent.gatewayReceived.some((f) => f.op === 2)).toBe(true);
  });

  it('stop() lets an interaction in flight finish, then closes the gateway connection', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h: DiscordHarness = await startHarness({
      core: (app, logger) => ({
        attache: {
          brief: (input) => app.attache.brief(input),
          more: (input) => app.attache.more(input),
          sources: () => app.attache.sources(),
          timeline: (input) => app.attache.timeline(input),
          why: (input) => app.attache.why(input),
          lastCitations: (input) => app.attache.lastCitations(input),
          search: (text, limit) => app.attache.search(text, limit),
          ask: async (input): Promise<Reply> => {
            await gate;
            return app.attache.ask(input);
          },
        },
        digests: app.digests,
        logger,
      }),
    });
    cleanups.push(async () => {
      await h.fake.close();
      h.app.close();
    });
    const interaction = chatInput(h.fake.applicationId, admin, 'ask', [str('question', 'Who met in Geneva?')]);
    expect((await h.send(interaction)).body).toMatchObject({ type: 5 });
    let stopped = false;
    const stopping = h.adapter.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    expect(h.fake.gatewayClosures).toEqual([]);
    const late = chatInput(h.fake.applicationId, member, 'sources');
    const refusal = await h.send(late);
    expect(refusal.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(messageBody(refusal).content).toMatch(/restarting/);
    release();
    await stopping;
    expect(h.requestsOf(interaction).map((r) => r.method)).toEqual(['POST', 'PATCH']);
    await new Promise<void>((resolve) =>
      h.fake.gatewayClosures.length > 0 ? resolve() : h.fake.once('gateway-close', resolve),
    );
    expect(h.fake.gatewayClosures.length).toBe(1);
  });

  it('npm start runs the bot against DISCORD_API_ROOT, answers admins and members, and exits cleanly on SIGINT', async () => {
    const fake = await startFakeDiscord({ token: 'process-secret-token-123' });
    const dir = mkdtempSync(join(tmpdir(), 'attache-discord-'));
    cleanups.push(async () => {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const bot = startLaunched('main', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, 'attache.db'),
      LOG_LEVEL: 'info',
    });
    cleanups.push(() => bot.killAll());
    await bot.waitForStderr(/Attaché is running/);

    const ask = chatInput(fake.applicationId, admin, 'ask', [str('question', 'What did Ryabkov say?')]);
    fake.dispatchInteraction(ask);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ask.token), 20_000);
    expect(messageBody(edit).embeds?.[0]?.fields?.[0]?.name).toBe('Sources');

    const press = buttonPress(fake.applicationId, member, `attache:sources:${admin.userId}`, fake.message('1', {}));
    fake.dispatchInteraction(press);
    const sources = await fake.waitForRequest((r) => r.path.includes(`/interactions/${press.id}/`));
    expect(messageBody(sources).flags).toBe(64);

    const refused = chatInput(fake.applicationId, member, 'digest', [
      { name: 'subscribe', type: 1, options: [str('time', '08:00'), str('timezone', 'UTC')] },
    ]);
    fake.dispatchInteraction(refused);
    const refusal = await fake.waitForRequest((r) => r.path.includes(`/interactions/${refused.id}/`));
    expect(refusal.body).toMatchObject({ type: 4, data: { flags: 64 } });

    bot.child.kill('SIGINT');
    const run = await bot.exited;
    expect(run.status).toBe(0);
    expect(fake.gatewayClosures.length).toBe(1);
    expect(run.stderr).toContain('discord adapter stopped');
    expect(run.stderr).not.toContain(fake.token);
  });

  it('npm start still exits on SIGINT when the Discord gateway has gone away', async () => {
    const fake = await startFakeDiscord();
    const dir = mkdtempSync(join(tmpdir(), 'attache-discord-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const bot = startLaunched('main', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, 'attache.db'),
    });
    cleanups.push(() => bot.killAll());
    await bot.waitForStderr(/Attaché is running/);
    // The client now retries the gateway in a loop that client.destroy() alone does not end.
    await fake.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    bot.child.kill('SIGINT');
    const run = await bot.exited;
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('discord adapter stopped');
  });
});
