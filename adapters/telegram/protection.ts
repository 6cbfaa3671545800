/** Guards in front of the handlers: per-user rate limit, non-text messages, over-long questions. */
import { limit } from '@grammyjs/ratelimiter';
import type { Context, NextFunction } from 'grammy';
import { sendNotice } from './chat-replies.ts';

/** Longest question or topic the Telegram adapter passes on. */
export const MAX_QUESTION_CHARS = 1000;

export interface RateLimitOptions {
  /** Updates one user may send per time frame. */
  limit: number;
  timeFrameMs: number;
}

/** Generous enough for a quick conversation, tight enough to stop a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 30, timeFrameMs: 30_000 };

export const RATE_LIMIT_MESSAGE = "You're sending messages quickly — please wait a few seconds and try again.";

/** Per-user rate limit; the user is told once per time frame, later excess updates are dropped. */
export function rateLimit(options: RateLimitOptions) {
  return limit<Context, never>({
    limit: options.limit,
    timeFrame: options.timeFrameMs,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery({ text: RATE_LIMIT_MESSAGE });
        return;
      }
      await sendNotice(ctx, RATE_LIMIT_MESSAGE);
    },
  });
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

/** The "please shorten" message for an over-long question or topic, or null when it is fine. */
export function lengthNotice(text: string, what = 'question'): string | null {
  if (text.length <= MAX_QUESTION_CHARS) return null;
  const n = text.length.toLocaleString('en-US');
  return `Your ${what} is ${n} characters long; please shorten it to at most ${MAX_QUESTION_CHARS.toLocaleString('en-US')} characters.`;
}
