/** /feeds on Telegram: list, add and remove the feeds the bot follows, for BOT_ADMINS only. */
import { Composer, type Context } from 'grammy';
import type { AdapterCore } from '../running-adapter.ts';
import { sendNotice } from './chat-replies.ts';

const USAGE = 'Usage: /feeds — list; /feeds add <url> [30m] [outlet name]; /feeds remove <#id or url>';

/** Handler for /feeds; the admin check is core's (BOT_ADMINS), against `telegram:<user id>`. */
export function feedsCommands(core: AdapterCore): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('feeds', async (ctx) => {
    const admin = core.feeds;
    if (!admin) return sendNotice(ctx, 'Feeds are not available on this bot.');
    const user = `telegram:${ctx.from?.id ?? 'unknown'}`;
    const [action = 'list', ...rest] = (typeof ctx.match === 'string' ? ctx.match : '')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    let reply: { lines: string[] };
    if (action === 'list') reply = await admin.list(user);
    else if (action === 'add' && rest[0]) {
      const [url, maybeEvery, ...outlet] = rest;
      const every = maybeEvery && /^\d+\s*(m|min|h|d)?$/i.test(maybeEvery) ? maybeEvery : null;
      const name = [...(every || !maybeEvery ? [] : [maybeEvery]), ...outlet].join(' ');
      reply = await admin.add(user, { url: url as string, every, outlet: name || null });
    } else if (action === 'remove' && rest[0]) reply = await admin.remove(user, rest.join(' '));
    else reply = admin.isAdmin(user) ? { lines: [USAGE] } : await admin.list(user);
    await sendNotice(ctx, reply.lines.join('\n'));
  });
  return composer;
}
