/** Guards in front of the handlers: core's per-user rate limit, and a hint for non-text messages. */
import type { Context, NextFunction } from 'grammy';
import {
  type CommandGuard,
  createCommandGuard,
  RATE_LIMIT_MESSAGE,
  type RateLimitOptions,
} from '../../core/commands/guards.ts';
import { systemClock } from '../../core/ports/clock.ts';
import type { AdapterCore } from '../running-adapter.ts';
import { sendNotice } from './chat-replies.ts';

/** Telegram's words for a digest change by someone who does not administer the group. */
export const ADMINS_ONLY =
  'Only administrators of this group can set up or cancel its daily digest. Ask an admin to do it.';

/** Core's command guard with Telegram's wording. */
export function telegramGuard(core: AdapterCore, rateLimit: RateLimitOptions): CommandGuard {
  return createCommandGuard({
    rateLimit,
    clock: systemClock,
    isBotAdmin: (id) => core.feeds?.isAdmin(id) ?? false,
    chatAdminsOnly: ADMINS_ONLY,
  });
}

/** Core's per-user rate limit on every update; the user is told once per window, later excess is dropped. */
export function rateLimit(guard: CommandGuard) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const user = ctx.from?.id;
    const admission = user === undefined ? 'allowed' : guard.admit(`telegram:${user}`);
    if (admission === 'allowed') return next();
    if (admission === 'dropped') return;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: RATE_LIMIT_MESSAGE });
    else await sendNotice(ctx, RATE_LIMIT_MESSAGE);
  };
}

const MEDIA_KEYS = [
  'sticker',
  'photo',
  'voice',
  'audio',
  'video',
  'video_note',
  'animation',
  'document',
  'location',
  'contact',
  'poll',
  'dice',
] as const;

export const MEDIA_HINT =
  'I can only read text. Type your question, for example: What did Ryabkov say about concessions?';

/** Stickers, photos, voice notes, files…: a hint instead of silence. */
export async function mediaHint(ctx: Context, next: NextFunction): Promise<void> {
  const message = ctx.message ?? ctx.channelPost;
  if (message && MEDIA_KEYS.some((key) => message[key] !== undefined)) {
    await sendNotice(ctx, MEDIA_HINT);
    return;
  }
  await next();
}
