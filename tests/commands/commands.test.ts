import { describe, expect, it } from 'vitest';
import { commandPayloads } from '../../adapters/discord/command-table.ts';
import { helpLines as discordHelp } from '../../adapters/discord/render-help.ts';
import { botCommands, helpLines as telegramHelp } from '../../adapters/telegram/command-menu.ts';
import { action, COMMANDS, command } from '../../core/commands/command-table.ts';
import { BOT_ADMINS_ONLY, createCommandGuard, RATE_LIMIT_MESSAGE } from '../../core/commands/guards.ts';
import { MAX_INPUT_CHARS } from '../../core/input.ts';
import type { Clock } from '../../core/ports/clock.ts';

function guard(now = { t: 0 }) {
  const clock: Clock = { now: () => new Date(now.t) };
  return createCommandGuard({
    rateLimit: { limit: 2, windowMs: 1_000 },
    clock,
    isBotAdmin: (id) => id === 'telegram:1',
    chatAdminsOnly: 'Admins only here.',
  });
}

describe('the command table', () => {
  it('names each command once, with menu lines Discord and Telegram accept', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.summary.length).toBeLessThanOrEqual(100);
      for (const a of [...c.arguments, ...(c.actions ?? []).flatMap((x) => x.arguments)]) {
        expect(a.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(names).toEqual(expect.arrayContaining(['timeline', 'why', 'feeds']));
  });

  it('generates the Discord registration, the Telegram menu and both /help texts from the same entries', () => {
    const payloads = commandPayloads();
    expect(payloads.map((p) => p.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(payloads.find((p) => p.name === 'ask')).toMatchObject({
      description: command('ask').summary,
      options: [{ name: 'question', required: true, max_length: MAX_INPUT_CHARS }],
    });
    expect(botCommands().map((c) => c.command)).not.toContain('feeds');
    expect(botCommands(true).map((c) => c.command)).toContain('feeds');
    expect(botCommands().find((c) => c.command === 'timeline')?.description).toBe(command('timeline').summary);
    expect(telegramHelp(false).some((l) => l.startsWith('/feeds'))).toBe(false);
    expect(telegramHelp(true).some((l) => l.startsWith('/feeds'))).toBe(true);
    expect(discordHelp(false).find((l) => l.startsWith('/why'))).toBe(`/why — ${command('why').help}`);
    expect(discordHelp(true).find((l) => l.startsWith('/feeds'))).toMatch(/^\/feeds add \| list \| remove — /);
  });
});

describe('the command guard', () => {
  it('answers the first excess message of a window and drops the rest, per user', () => {
    const now = { t: 0 };
    const g = guard(now);
    expect(['a', 'a', 'a', 'a'].map((u) => g.admit(u))).toEqual(['allowed', 'allowed', 'limited', 'dropped']);
    expect(g.admit('b')).toBe('allowed');
    now.t = 1_000;
    expect(g.admit('a')).toBe('allowed');
    expect(RATE_LIMIT_MESSAGE).toMatch(/wait/);
  });

  it('applies core’s one input limit and trims text values', async () => {
    const g = guard();
    const ask = command('ask');
    expect(await g.check(ask, { id: 'x' }, { question: '  Who met?  ' })).toEqual({
      ok: true,
      values: { question: 'Who met?' },
    });
    const long = await g.check(ask, { id: 'x' }, { question: 'q'.repeat(MAX_INPUT_CHARS + 1) });
    expect(long).toEqual({ ok: false, message: expect.stringMatching(/at most 2,000/) });
    const topic = await g.check(command('brief'), { id: 'x' }, { topic: 't'.repeat(201) });
    expect(topic).toEqual({ ok: false, message: expect.stringMatching(/at most 200/) });
    expect(await g.check(command('brief'), { id: 'x' }, { topic: ' ' })).toEqual({ ok: true, values: { topic: null } });
  });

  it('lets only chat administrators change a digest and only BOT_ADMINS manage feeds', async () => {
    const g = guard();
    const subscribe = action('digest', 'subscribe');
    const values = { time: '08:00' };
    expect(await g.check(subscribe, { id: 'x', isChatAdmin: async () => false }, values)).toEqual({
      ok: false,
      message: 'Admins only here.',
    });
    expect(await g.check(subscribe, { id: 'x' }, values)).toMatchObject({ ok: false });
    expect(await g.check(subscribe, { id: 'x', isChatAdmin: async () => true }, values)).toMatchObject({ ok: true });
    expect(await g.check(action('digest', 'status'), { id: 'x' })).toMatchObject({ ok: true });
    expect(await g.check(command('feeds'), { id: 'telegram:2' })).toEqual({ ok: false, message: BOT_ADMINS_ONLY });
    expect(await g.check(command('feeds'), { id: 'telegram:1' })).toMatchObject({ ok: true });
  });
});
