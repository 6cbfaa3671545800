/** /subscribe, /unsubscribe and /digest, mapped to core's DigestApi for the chat the command came from. */
import { Composer, type Context } from 'grammy';
import { action } from '../../core/commands/command-table.ts';
import type { Actor, CommandGuard } from '../../core/commands/guards.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { AdapterCore } from '../running-adapter.ts';
import { sendHtml, sendNotice } from './chat-replies.ts';
import { renderSubscription } from './render-info.ts';
import { parseSubscribeArgs } from './subscribe-args.ts';
import { describeError } from './telegram-errors.ts';

const SUBSCRIBE_USAGE =
  'Usage: /subscribe HH:MM [Area/City] [topic] [+word] [-word] [--silent] — for example /subscribe 08:00 Europe/Berlin +NATO +"arms control" -sport. ' +
  'Times are 24-hour; the zone defaults to UTC. +word shows only stories with it, -word leaves them out; --silent posts nothing on days without new stories.';

/** May the sender change this chat's digest? Private chats: yes; groups: administrators only; channels: only admins can post. */
async function mayManageDigest(ctx: Context, logger: Logger): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private' || chat.type === 'channel') return true;
  // An anonymous administrator posts as the group itself.
  if (ctx.senderChat?.id === chat.id) return true;
  const user = ctx.from;
  if (!user) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, user.id);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (error) {
    // Unverifiable means no: a digest must not be set up on a guess.
    logger.warn({ error: describeError(error) }, 'telegram: getChatMember failed');
    return false;
  }
}

/** The sender as core's guard sees them; whether they administer the chat is asked only when it matters. */
function actor(ctx: Context, logger: Logger): Actor {
  return { id: `telegram:${ctx.from?.id ?? 'unknown'}`, isChatAdmin: () => mayManageDigest(ctx, logger) };
}

/** Handlers for the digest commands; core's guard checks permissions and values. */
export function digestCommands(core: AdapterCore, guard: CommandGuard): Composer<Context> {
  const composer = new Composer<Context>();
  const target = (ctx: Context) => ({ platform: 'telegram' as const, targetId: String(ctx.chat?.id) });

  composer.command('subscribe', async (ctx) => {
    const { localTime, topic, ...options } = parseSubscribeArgs(typeof ctx.match === 'string' ? ctx.match : '');
    if (!localTime) return sendNotice(ctx, SUBSCRIBE_USAGE);
    const values = { time: localTime, timezone: options.timezone ?? '', topic: topic ?? '' };
    const checked = await guard.check(action('digest', 'subscribe'), actor(ctx, core.logger), values);
    if (!checked.ok) return sendNotice(ctx, checked.message);
    const view = await core.digests.subscribe({
      ...target(ctx),
      guildId: null,
      localTime,
      topic: checked.values.topic ?? null,
      ...options,
      createdBy: String(ctx.from?.id ?? ctx.senderChat?.id ?? ctx.chat.id),
    });
    await sendHtml(ctx, [renderSubscription(view, 'Daily digest set up for this chat')]);
  });

  composer.command('unsubscribe', async (ctx) => {
    const checked = await guard.check(action('digest', 'unsubscribe'), actor(ctx, core.logger));
    if (!checked.ok) return sendNotice(ctx, checked.message);
    const { removed } = await core.digests.unsubscribe(target(ctx));
    await sendNotice(ctx, removed ? 'The daily digest for this chat is cancelled.' : 'This chat has no daily digest.');
  });

  composer.command('digest', async (ctx) => {
    const view = await core.digests.status(target(ctx));
    if (!view) return sendNotice(ctx, 'This chat has no daily digest. Set one up with /subscribe 08:00 Europe/Berlin.');
    await sendHtml(ctx, [renderSubscription(view, 'Daily digest for this chat')]);
  });
  return composer;
}
