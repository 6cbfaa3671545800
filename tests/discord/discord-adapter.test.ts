import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLORS } from '../../adapters/discord/render-discord.ts';
import type { AdapterCore } from '../../adapters/running-adapter.ts';
import type { App } from '../../bot/app.ts';
import type { AttacheApi } from '../../core/api.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { autocomplete, buttonPress, chatInput, str } from '../fakes/discord-interactions.ts';
import {
  admin,
  CHANNEL_ID,
  type DiscordHarness,
  dmUser,
  expectWithinLimits,
  type MessageBody,
  member,
  messageBody,
  startHarness,
} from './discord-harness.ts';

/** A reply far beyond one embed: 60 cited claims, 30 sources. */
function longReply(): Reply {
  const citations = Array.from({ length: 30 }, (_, i) => ({
    n: i + 1,
    documentId: `doc${i}`,
    passageId: `doc${i}:0`,
    quote: `Quote ${i + 1}.`,
    outlet: `Outlet number ${i + 1} with a rather long name`,
    title: `A long headline about the Geneva security talks, part ${i + 1}, ${'with more words '.repeat(4)}`,
    publishedAt: '2022-01-10',
    url: `https://example.org/article/${i + 1}`,
  }));
  const blocks = Array.from({ length: 60 }, (_, i) => ({
    text: `Claim ${i + 1}: ${'Russia and the United States discussed security guarantees in Geneva. '.repeat(4)}[${(i % 30) + 1}]`,
    citations: [(i % 30) + 1],
  }));
  return {
    kind: 'briefing',
    status: 'answered',
    title: 'A very long briefing',
    text: blocks.map((b) => b.text).join('\n'),
    blocks,
    citations,
    engine: 'extractive',
    asOf: '2022-01-10',
  };
}

const calls: { method: string; conversation: string }[] = [];
let failAskOnce: Error | undefined;

/** The real core, recording conversation ids; "long reply please" and failAskOnce script the edge cases. */
function recordingCore(app: App, logger: Logger): AdapterCore {
  const real = app.attache;
  const attache: AttacheApi = {
    sources: () => real.sources(),
    timeline: (input) => real.timeline(input),
    why: (input) => real.why(input),
    lastCitations: (input) => real.lastCitations(input),
    search: (text, limit) => real.search(text, limit),
    brief: async (input) => {
      calls.push({ method: 'brief', conversation: input.conversation });
      return real.brief(input);
    },
    more: async (input) => {
      calls.push({ method: 'more', conversation: input.conversation });
      return real.more(input);
    },
    ask: async (input) => {
      calls.push({ method: 'ask', conversation: input.conversation });
      if (failAskOnce) {
        const error = failAskOnce;
        failAskOnce = undefined;
        throw error;
      }
      return input.question === 'long reply please' ? longReply() : real.ask(input);
    },
  };
  return { attache, digests: app.digests, logger };
}

let h: DiscordHarness;
const APP = () => h.fake.applicationId;

beforeAll(async () => {
  h = await startHarness({ core: recordingCore });
});
afterAll(async () => {
  await h.close();
});

/** Dispatches a deferred command and returns its callback and the edit of @original. */
async function deferred(interaction: ReturnType<typeof chatInput>) {
  const callback = await h.send(interaction);
  const edit = await h.waitFor(interaction, (r) => r.method === 'PATCH');
  return { callback, edit, body: messageBody(edit) };
}

describe('Discord adapter: slash commands through the real discord.js client', () => {
  it('defers /ask at once (callback type 5, 204 without content type), then edits in a cited embed', async () => {
    const interaction = chatInput(APP(), admin, 'ask', [str('question', 'What did Ryabkov say about concessions?')]);
    const { callback, edit, body } = await deferred(interaction);
    expect(callback.body).toMatchObject({ type: 5 });
    expect(callback.status).toBe(204);
    expect(callback.answeredContentType).toBeNull();
    expect(edit.rawPath).toMatch(/\/webhooks\/\d+\/[^/]+\/messages\/%40original$/);
    expect(h.fake.requests.indexOf(callback)).toBeLessThan(h.fake.requests.indexOf(edit));
    const [embed] = body.embeds ?? [];
    expect(embed?.description).toMatch(/\[1\]/);
    expect(embed?.fields?.[0]?.name).toBe('Sources');
    expect(embed?.fields?.[0]?.value).toMatch(/^\[1\] /);
    expect(embed?.footer?.text).toMatch(/extractive engine · sources as of \d{4}-\d{2}-\d{2}/);
    const ids = body.components?.[0]?.components.map((c) => c.custom_id);
    expect(ids).toEqual([`attache:more:${admin.userId}`, `attache:sources:${admin.userId}`]);
    expectWithinLimits(body);
    expect(calls.at(-1)).toEqual({ method: 'ask', conversation: `discord:${CHANNEL_ID}:${admin.userId}` });
  });

  it('shows a refusal’s heading and reason once, in the refusal colour, without buttons', async () => {
    const { body } = await deferred(
      chatInput(APP(), member, 'ask', [str('question', 'What is the best recipe for banana bread?')]),
    );
    const [embed, ...more] = body.embeds ?? [];
    expect(more).toEqual([]);
    expect(embed?.title).toBe('Not in the sources');
    expect(embed?.color).toBe(COLORS.refused);
    const shown = `${embed?.title}\n${embed?.description}`;
    expect(shown.match(/not in the sources/gi)).toHaveLength(1);
    expect(shown.match(/The sources say nothing that answers this question\./g)).toHaveLength(1);
    expect(embed?.description).toMatch(/The corpus holds \d+ news articles/);
    expect(body.components ?? []).toEqual([]);
    expectWithinLimits(body);
  });

  it('briefs on a topic with bullets, and keeps separate conversations per user and per DM', async () => {
    const { body } = await deferred(chatInput(APP(), member, 'brief', [str('topic', 'NATO')]));
    expect(body.embeds?.[0]?.description).toMatch(/^• /);
    expect(calls.at(-1)).toEqual({ method: 'brief', conversation: `discord:${CHANNEL_ID}:${member.userId}` });
    await deferred(chatInput(APP(), dmUser, 'brief'));
    expect(calls.at(-1)).toEqual({ method: 'brief', conversation: `discord:${dmUser.channelId}:${dmUser.userId}` });
  });

  it('takes the conversation from channel_id when the payload has no channel object', async () => {
    const interaction = chatInput(APP(), admin, 'ask', [str('question', 'Who met in Geneva?')]);
    delete interaction.channel;
    await deferred(interaction);
    expect(calls.at(-1)?.conversation).toBe(`discord:${CHANNEL_ID}:${admin.userId}`);
  });

  it('offers corpus topics and IANA time zones as autocomplete choices (type 8, at most 25)', async () => {
    const topic = autocomplete(APP(), member, 'brief', [str('topic', 'rya', true)]);
    const topics = ((await h.send(topic)).body as { type: number; data: { choices: { name: string }[] } }).data;
    expect(topics.choices.map((c) => c.name)).toContain('Ryabkov');
    for (const c of topics.choices) expect(c.name.toLowerCase()).toMatch(/(^|\s)rya/);

    const zoneOf = async (typed: string) => {
      const options = [{ name: 'subscribe', type: 1, options: [str('time', '08:00'), str('timezone', typed, true)] }];
      const r = await h.send(autocomplete(APP(), admin, 'digest', options));
      expect(r.body).toMatchObject({ type: 8 });
      return (r.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    };
    expect((await zoneOf('berlin')).map((c) => c.value)).toEqual(['Europe/Berlin']);
    expect((await zoneOf('new y')).map((c) => c.value)).toContain('America/New_York');
    const all = await zoneOf('');
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    expect((await zoneOf('america/')).length).toBe(25);
  });

  it('lists the corpus documents for /sources', async () => {
    const { body } = await deferred(chatInput(APP(), member, 'sources'));
    expect(body.embeds?.[0]?.title).toBe(`Sources in the corpus (${(await h.app.attache.sources()).length} documents)`);
    expect(body.embeds?.[0]?.description).toContain('Kremlin says it');
    expectWithinLimits(body);
  });
});

describe('Discord adapter: buttons and follow-ups', () => {
  it('routes More to the asker conversation and Sources to its citations, ephemerally', async () => {
    await deferred(chatInput(APP(), admin, 'ask', [str('question', 'What did Peskov say about deadlines?')]));
    const message = h.fake.message(CHANNEL_ID, {});

    const more = buttonPress(APP(), member, `attache:more:${admin.userId}`, message);
    const { callback } = await deferred(more);
    expect(callback.body).toMatchObject({ type: 5 });
    expect(calls.at(-1)).toEqual({ method: 'more', conversation: `discord:${CHANNEL_ID}:${admin.userId}` });

    const sources = buttonPress(APP(), admin, `attache:sources:${admin.userId}`, message);
    const reply = messageBody(await h.send(sources));
    expect(reply.flags).toBe(64);
    const cited = await h.app.attache.lastCitations({ conversation: `discord:${CHANNEL_ID}:${admin.userId}` });
    const text = (reply.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');
    // Without a cited reply (or before the engine records one) the corpus list stands in.
    if (cited.length === 0) expect(text).toContain('Sources in the corpus');
    for (const c of cited) expect(text).toContain(`[${c.n}]`);
    expectWithinLimits(reply);
  });

  it('answers the plain ids attache:more / attache:sources for the presser, and refuses unknown buttons', async () => {
    const message = h.fake.message(CHANNEL_ID, {});
    await deferred(buttonPress(APP(), member, 'attache:more', message));
    expect(calls.at(-1)).toEqual({ method: 'more', conversation: `discord:${CHANNEL_ID}:${member.userId}` });
    const unknown = messageBody(await h.send(buttonPress(APP(), member, 'something:else', message)));
    expect(unknown.flags).toBe(64);
    expect(unknown.content).toMatch(/no longer supported/);
  });

  it('splits a long reply into embeds and follow-ups without cutting a claim from its marker', async () => {
    const interaction = chatInput(APP(), admin, 'ask', [str('question', 'long reply please')]);
    await h.send(interaction);
    // The buttons ride on the last message, so its arrival means the reply is complete.
    await h.waitFor(interaction, (r) => (messageBody(r).components ?? []).length > 0);
    const messages = h.requestsOf(interaction).filter((r) => r.method === 'PATCH' || r.method === 'POST');
    const bodies = messages.filter((r) => !r.path.endsWith('/callback')).map(messageBody);
    expect(bodies.length).toBeGreaterThan(1);
    expect(messages.filter((r) => r.method === 'POST' && !r.path.endsWith('/callback')).length).toBe(bodies.length - 1);
    bodies.forEach(expectWithinLimits);
    const descriptions = bodies.flatMap((b) => (b.embeds ?? []).map((e) => e.description ?? ''));
    for (const block of longReply().blocks) {
      expect(descriptions.filter((d) => d.includes(block.text)).length).toBe(1);
    }
    const sourceLines = bodies.flatMap((b) => (b.embeds ?? []).flatMap((e) => e.fields ?? [])).map((f) => f.value);
    expect(sourceLines.join('\n').match(/^\[\d+\] /gm)?.length).toBe(30);
    expect(bodies.slice(0, -1).every((b) => (b.components ?? []).length === 0)).toBe(true);
  });
});

describe('Discord adapter: errors', () => {
  it('rejects a too-long question at once with an ephemeral message and no defer', async () => {
    const interaction = chatInput(APP(), member, 'ask', [str('question', 'x'.repeat(2001))]);
    const callback = await h.send(interaction);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(messageBody(callback).content).toMatch(/shorten it to at most 2,000/);
  });

  it('replaces the deferred placeholder with a polite ephemeral follow-up when core fails', async () => {
    failAskOnce = new Error('database exploded at /secret/path');
    const interaction = chatInput(APP(), member, 'ask', [str('question', 'What about Brussels?')]);
    await h.send(interaction);
    const followUp = await h.waitFor(interaction, (r) => r.method === 'POST' && !r.path.endsWith('/callback'));
    const methods = h.requestsOf(interaction).map((r) => r.method);
    expect(methods).toEqual(['POST', 'DELETE', 'POST']);
    const body = followUp.body as MessageBody;
    expect(body.flags).toBe(64);
    expect(body.content).toBe('Sorry, something went wrong on our side. Please try again.');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(h.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('sent every message payload with empty allowed mentions and within Discord limits', () => {
    const payloads = h.fake.requests.filter(
      (r) =>
        (r.path.endsWith('/callback') && [4, 7].includes((r.body as { type: number }).type)) ||
        (r.path.includes('/webhooks/') && (r.method === 'PATCH' || r.method === 'POST')),
    );
    expect(payloads.length).toBeGreaterThan(10);
    for (const p of payloads) expectWithinLimits(messageBody(p));
  });
});
