/**
 * The adapter contract: behaviour every chat adapter (Telegram, Discord) must
 * show, run against the real adapter through its platform fake. A platform
 * test calls `runAdapterContract(name, makeHarness)`; the harness starts the
 * adapter on `env.core`, turns the actions below into platform traffic, and
 * normalises what the bot sent into ContractReply values.
 *
 * Wording the contract relies on (keep it in every adapter):
 * - a refusal says "Not in the sources" and has no [n] markers;
 * - the Sources section is headed "Sources";
 * - a refused subscription mentions "admin";
 * - an over-long question gets a message containing "shorten".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionView } from '../../core/api.ts';
import { type ContractEnv, createContractEnv, HOSTILE_QUESTION } from './contract-env.ts';

/** One message the bot sent, as a reader sees it. */
export interface ContractReply {
  /** Visible text: markup removed, entities decoded (Discord: content plus embed text). */
  text: string;
  /** The markup as sent, on platforms that send markup (Telegram HTML). */
  html?: string;
  /** Ids of the buttons attached to this message: 'more', 'sources'. */
  buttons: string[];
  /** True when delivering it could notify someone (a mention entity; Discord: mentions allowed to parse). */
  pings: boolean;
}

export interface ActionOptions {
  /** Who acts; each user name is a distinct platform user with their own conversation. Default 'alice'. */
  user?: string;
  /** A private chat / DM (default) or a group chat / guild channel. */
  place?: 'private' | 'group';
  /** In a group: whether the user is an administrator. */
  admin?: boolean;
}

export interface ContractHarness {
  /**
   * Runs a command: 'help', 'brief', 'ask', 'more', 'sources', 'subscribe' (args "HH:MM Area/City"),
   * 'unsubscribe', 'digest'. Resolves once the bot has finished handling it, with what it sent.
   */
  sendCommand(name: string, args?: string, options?: ActionOptions): Promise<ContractReply[]>;
  /** A question as a user types it (Telegram: a plain message or a mention in groups; Discord: /ask). */
  sendText(text: string, options?: ActionOptions): Promise<ContractReply[]>;
  /** Presses a button under the latest bot message (to this user and place) that has it. */
  pressButton(id: 'more' | 'sources', options?: ActionOptions): Promise<ContractReply[]>;
  /** The group's digest subscription, as stored. */
  groupSubscription(): Promise<SubscriptionView | null>;
  close(): Promise<void>;
}

export type MakeHarness = (env: ContractEnv) => Promise<ContractHarness>;

const MARKER = /\[\d+\]/;
const LEAK = /\bat .+:\d+:\d+|TypeError|ReferenceError|SQLITE|undefined|\[object Object\]/;

const textOf = (replies: readonly ContractReply[]) => replies.map((r) => r.text).join('\n');

function expectPolite(replies: readonly ContractReply[]): string {
  expect(replies).toHaveLength(1);
  const text = textOf(replies);
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text).not.toMatch(LEAK);
  return text;
}

/** Registers the contract cases for one adapter. */
export function runAdapterContract(name: string, makeHarness: MakeHarness): void {
  describe(`${name} adapter contract`, () => {
    let env: ContractEnv;
    let h: ContractHarness;
    const outlets = async () => [
      ...new Set((await env.app.attache.sources()).flatMap((d) => (d.outlet ? [d.outlet] : []))),
    ];

    beforeAll(async () => {
      env = await createContractEnv();
      h = await makeHarness(env);
    });
    afterAll(async () => {
      await h?.close();
      env?.close();
    });

    it('help says what the bot does and what the corpus covers', async () => {
      const text = textOf(await h.sendCommand('help', '', { user: 'helper' }));
      expect((await outlets()).some((o) => text.includes(o))).toBe(true);
      expect(text).toMatch(/2022-01-\d\d/);
      expect(text).toMatch(/\/brief/);
    });

    it('a briefing has [n] markers, a Sources section and More/Sources buttons', async () => {
      const replies = await h.sendCommand('brief', '', { user: 'briefer' });
      const text = textOf(replies);
      expect(text).toMatch(MARKER);
      expect(text).toMatch(/Sources/);
      expect((await outlets()).some((o) => text.includes(o))).toBe(true);
      expect(replies.at(-1)?.buttons).toEqual(expect.arrayContaining(['more', 'sources']));
    });

    it('a question is answered with [n] markers; a follow-up in the same conversation too', async () => {
      const first = textOf(await h.sendText('What did Ryabkov say about concessions?', { user: 'asker' }));
      expect(first).toMatch(MARKER);
      expect(first).not.toMatch(/not in the sources/i);
      const followUp = textOf(await h.sendText('What did he say about NATO?', { user: 'asker' }));
      expect(followUp).toMatch(MARKER);
      expect(followUp).not.toMatch(LEAK);
    });

    it('"More" (button and command) continues the last reply', async () => {
      await h.sendCommand('brief', 'Geneva talks', { user: 'reader' });
      const pressed = await h.pressButton('more', { user: 'reader' });
      expect(pressed.length).toBeGreaterThan(0);
      expect(textOf(pressed)).not.toMatch(LEAK);
      const command = await h.sendCommand('more', '', { user: 'reader' });
      expect(command.length).toBeGreaterThan(0);
      expect(textOf(command)).not.toMatch(LEAK);
    });

    it('"Sources" shows where the last reply came from; /sources lists the corpus', async () => {
      await h.sendText('What did Ryabkov say about concessions?', { user: 'checker' });
      const pressed = textOf(await h.pressButton('sources', { user: 'checker' }));
      expect((await outlets()).some((o) => pressed.includes(o))).toBe(true);
      const listed = textOf(await h.sendCommand('sources', '', { user: 'checker' }));
      for (const outlet of await outlets()) expect(listed).toContain(outlet);
    });

    it('empty, over-long and garbled input get one polite message each', async () => {
      expect(expectPolite(await h.sendCommand('ask', '', { user: 'tester' }))).toMatch(/question/i);
      expect(expectPolite(await h.sendText(`${'Geneva talks '.repeat(200)}?`, { user: 'tester' }))).toMatch(/shorten/i);
      expectPolite(await h.sendText('Geneva\u0007talks\u0000', { user: 'tester' }));
    });

    it('markup in a question is shown as text, never interpreted', async () => {
      const replies = await h.sendText('<b>What</b> did <script>alert(1)</script> Ryabkov say & why?', {
        user: 'tester',
      });
      expect(replies.length).toBeGreaterThan(0);
      expect(textOf(replies)).not.toMatch(LEAK);
    });

    it('@everyone in a question or in the corpus never pings anyone', async () => {
      const asked = await h.sendText('@everyone @here what happened in Geneva?', { user: 'pinger' });
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((r) => !r.pings)).toBe(true);
      const quoted = await h.sendText(HOSTILE_QUESTION, { user: 'pinger' });
      expect(textOf(quoted)).toMatch(/prank/i);
      expect(quoted.every((r) => !r.pings)).toBe(true);
    });

    it('a refusal looks different from an answer', async () => {
      const text = textOf(await h.sendText('What is the best recipe for banana bread?', { user: 'baker' }));
      expect(text).toMatch(/not in the sources/i);
      expect(text).not.toMatch(MARKER);
    });

    it('only group administrators can subscribe or unsubscribe the group', async () => {
      const refused = expectPolite(
        await h.sendCommand('subscribe', '08:00 Europe/Berlin', { user: 'member', place: 'group', admin: false }),
      );
      expect(refused).toMatch(/admin/i);
      expect(await h.groupSubscription()).toBeNull();

      const accepted = textOf(
        await h.sendCommand('subscribe', '08:00 Europe/Berlin', { user: 'boss', place: 'group', admin: true }),
      );
      expect(accepted).toContain('08:00');
      expect(await h.groupSubscription()).toMatchObject({ localTime: '08:00', timezone: 'Europe/Berlin' });
      expect(textOf(await h.sendCommand('digest', '', { user: 'member', place: 'group', admin: false }))).toContain(
        '08:00',
      );

      const kept = textOf(await h.sendCommand('unsubscribe', '', { user: 'member', place: 'group', admin: false }));
      expect(kept).toMatch(/admin/i);
      expect(await h.groupSubscription()).not.toBeNull();
      await h.sendCommand('unsubscribe', '', { user: 'boss', place: 'group', admin: true });
      expect(await h.groupSubscription()).toBeNull();
    });

    it('an error inside core becomes one polite reply, and the bot keeps working', async () => {
      env.failNext('ask', new Error('database exploded at /srv/secret token=123456:SECRET'));
      const text = expectPolite(await h.sendText('Who met in Geneva?', { user: 'unlucky' }));
      expect(text).toMatch(/sorry|went wrong|try again/i);
      expect(text).not.toMatch(/exploded|SECRET|\/srv/);
      expect(textOf(await h.sendText('Who met in Geneva?', { user: 'unlucky' }))).toMatch(MARKER);
    });
  });
}
