import { type Api, InlineKeyboard } from 'grammy';

/** Callback data of the reply buttons. */
export const MORE_BUTTON = 'more';
export const SOURCES_BUTTON = 'sources';

/** "More" and "Sources" buttons under a briefing or answer ("Sources" only after a refusal). */
export function replyKeyboard(options: { more: boolean }): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (options.more) keyboard.text('More', MORE_BUTTON);
  return keyboard.text('Sources', SOURCES_BUTTON);
}

export interface SendOptions {
  keyboard?: InlineKeyboard;
  /** Thread the first message under this one (groups). */
  replyTo?: number;
  /** Forum topic to post in. */
  threadId?: number;
}

/**
 * Sends HTML messages in order; the keyboard goes under the last one.
 * Returns the ids of the sent messages.
 */
export async function sendHtmlMessages(
  api: Api,
  chatId: number | string,
  messages: readonly string[],
  options: SendOptions = {},
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    const sent = await api.sendMessage(chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(options.threadId !== undefined ? { message_thread_id: options.threadId } : {}),
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
    });
    ids.push(sent.message_id);
  }
  return ids;
}
