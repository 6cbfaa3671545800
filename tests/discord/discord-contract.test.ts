import { startDiscord } from '../../adapters/discord/start-discord.ts';
import {
  type ActionOptions,
  type ContractHarness,
  type ContractReply,
  runAdapterContract,
} from '../contract/adapter-contract.ts';
import type { ContractEnv } from '../contract/contract-env.ts';
import { type RecordedRequest, startFakeDiscord } from '../fakes/discord.ts';
import {
  type Actor,
  ADMIN_PERMISSIONS,
  buttonPress,
  type CommandOption,
  chatInput,
  MEMBER_PERMISSIONS,
  type RawInteraction,
  str,
} from '../fakes/discord-interactions.ts';
import { CHANNEL_ID, expectWithinLimits, GUILD_ID, type MessageBody, messageBody } from './discord-harness.ts';

/** What a reader sees of a message: content and embed text, Markdown escapes removed. */
function visibleText(body: MessageBody): string {
  const parts = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    parts.push(e.footer?.text ?? '');
  }
  return parts
    .filter((p) => p !== '')
    .join('\n')
    .replace(/\\([^\w\s])/g, '$1');
}

/** A message pings someone unless it forbids every mention kind. */
function pings(body: MessageBody): boolean {
  const allowed = body.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  return (
    !allowed ||
    (allowed.parse ?? ['x']).length > 0 ||
    (allowed.users ?? []).length > 0 ||
    (allowed.roles ?? []).length > 0
  );
}

function buttonsOf(body: MessageBody): string[] {
  return (body.components ?? []).flatMap((row) =>
    row.components.flatMap((c) => (c.custom_id?.startsWith('attache:') ? [c.custom_id.split(':')[1] ?? ''] : [])),
  );
}

/**
 * The messages an interaction left visible, in order: the callback's message,
 * edits of @original (replacing it), deletes of @original, follow-ups.
 */
function visibleMessages(requests: readonly RecordedRequest[]): MessageBody[] {
  let original: MessageBody | null = null;
  const followUps: MessageBody[] = [];
  for (const r of requests) {
    if (r.path.endsWith('/callback')) {
      if ((r.body as { type: number }).type === 4) original = messageBody(r);
    } else if (r.path.endsWith('/messages/@original')) {
      original = r.method === 'DELETE' ? null : r.method === 'PATCH' ? messageBody(r) : original;
    } else if (r.method === 'POST') {
      followUps.push(r.body as MessageBody);
    }
  }
  return [...(original ? [original] : []), ...followUps];
}

async function makeDiscordHarness(env: ContractEnv): Promise<ContractHarness> {
  const fake = await startFakeDiscord();
  const adapter = await startDiscord(
    { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot },
    env.core,
  );
  const users = new Map<string, string>();
  const sent: { key: string; body: MessageBody }[] = [];
  const actorFor = (options: ActionOptions = {}): { actor: Actor; key: string } => {
    const name = options.user ?? 'alice';
    const userId = users.get(name) ?? `32345678901${String(users.size + 1).padStart(7, '0')}`;
    users.set(name, userId);
    const key = `${name}:${options.place ?? 'private'}`;
    if (options.place === 'group') {
      const permissions = options.admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS;
      return { actor: { userId, permissions, guildId: GUILD_ID, channelId: CHANNEL_ID }, key };
    }
    return { actor: { userId, channelId: `6${userId.slice(1)}` }, key };
  };

  /** Dispatches, waits for the acknowledgement and for the handling to finish, and collects the visible messages. */
  const run = async (interaction: RawInteraction, key: string): Promise<ContractReply[]> => {
    fake.dispatchInteraction(interaction);
    await fake.waitForRequest((r) => r.path.includes(`/interactions/${interaction.id}/`));
    await adapter.idle();
    const mine = fake.requests.filter((r) => r.path.includes(`/${interaction.token}`));
    return visibleMessages(mine).map((body) => {
      expectWithinLimits(body);
      sent.push({ key, body });
      return { text: visibleText(body), buttons: buttonsOf(body), pings: pings(body) };
    });
  };

  const command = (name: string, args: string): [string, CommandOption[]] => {
    const [time = '', timezone = ''] = args.trim().split(/\s+/);
    switch (name) {
      case 'brief':
        return ['brief', args.trim() ? [str('topic', args.trim())] : []];
      case 'ask':
        return ['ask', [str('question', args)]];
      case 'subscribe':
        return ['digest', [{ name: 'subscribe', type: 1, options: [str('time', time), str('timezone', timezone)] }]];
      case 'unsubscribe':
        return ['digest', [{ name: 'unsubscribe', type: 1, options: [] }]];
      case 'digest':
        return ['digest', [{ name: 'status', type: 1, options: [] }]];
      default:
        return [name, []];
    }
  };

  return {
    async sendCommand(name, args = '', options) {
      const { actor, key } = actorFor(options);
      const [commandName, commandOptions] = command(name, args);
      return run(chatInput(fake.applicationId, actor, commandName, commandOptions), key);
    },
    async sendText(text, options) {
      const { actor, key } = actorFor(options);
      return run(chatInput(fake.applicationId, actor, 'ask', [str('question', text)]), key);
    },
    async pressButton(id, options) {
      const { actor, key } = actorFor(options);
      const withButton = sent.filter((s) => s.key === key && buttonsOf(s.body).includes(id)).at(-1)?.body;
      if (!withButton) throw new Error(`no message with a "${id}" button for ${key}`);
      const customId = withButton.components
        ?.flatMap((row) => row.components)
        .find((c) => c.custom_id?.startsWith(`attache:${id}`))?.custom_id;
      const message = fake.message(actor.channelId, withButton as Record<string, unknown>);
      return run(buttonPress(fake.applicationId, actor, customId ?? '', message), key);
    },
    groupSubscription: () => env.core.digests.status({ platform: 'discord', targetId: CHANNEL_ID }),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

runAdapterContract('Discord', makeDiscordHarness);
