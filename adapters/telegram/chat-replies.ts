/** Sending things back to the chat an update came from. */
import type { Context } from 'grammy';
import type { Reply } from '../../core/reply.ts';
import { renderNotice } from './render-info.ts';
import { renderReply } from './render-telegram.ts';
import { replyKeyboard, type SendOptions, sendHtmlMessages } from './send-messages.ts';
import { telegramConversation } from './telegram-platform.ts';

/** Telegram shows "typing…" for five seconds; refresh it a little sooner while work goes on. */
const TYPING_REFRESH_MS = 4500;

/** Conversation id of the sender in this chat: `telegram:<chat>:<user>`. */
export function conversationId(ctx: Context): string {
  const chat = ctx.chat?.id ?? 0;
  const user = ctx.from?.id ?? ctx.senderChat?.id ?? chat;
  return telegramConversation(chat, user);
}

function placement(ctx: Context): SendOptions {
  const message = ctx.message ?? ctx.channelPost;
  const options: SendOptions = {};
  // In groups, thread the answer under the question so people see what it answers.
  if (message && ctx.chat?.type !== 'private') options.replyTo = message.message_id;
  const thread = message?.is_topic_message ? message.message_thread_id : ctx.callbackQuery?.message?.message_thread_id;
  if (thread !== undefined) options.threadId = thread;
  return options;
}

/** Sends prepared HTML messages to the update's chat. */
export async function sendHtml(ctx: Context, messages: readonly string[], options: SendOptions = {}): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  await sendHtmlMessages(ctx.api, chat.id, messages, { ...placement(ctx), ...options });
}

/** Sends a short plain-text notice (usage hints, refusals, errors), escaped. */
export async function sendNotice(ctx: Context, message: string): Promise<void> {
  await sendHtml(ctx, [renderNotice(message)]);
}

/** Renders a Reply with the "More"/"Sources" buttons under it. */
export async function sendReply(ctx: Context, reply: Reply): Promise<void> {
  await sendHtml(ctx, renderReply(reply), { keyboard: replyKeyboard({ more: reply.status !== 'refused' }) });
}

/** Runs slow work while the chat shows "typing…". */
export async function withTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const chat = ctx.chat;
  if (!chat) return work();
  const thread = placement(ctx).threadId;
  const typing = () =>
    ctx.api.sendChatAction(chat.id, 'typing', thread !== undefined ? { message_thread_id: thread } : undefined).then(
      () => undefined,
      () => undefined, // the indicator is cosmetic; a failure must not cost the answer
    );
  await typing();
  const timer = setInterval(() => void typing(), TYPING_REFRESH_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
