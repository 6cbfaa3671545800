/** Builders for the updates a Telegram client would produce (entities included, as Telegram adds them). */
import type { Chat, Message, MessageEntity, User } from 'grammy/types';
import { FAKE_BOT, type NewUpdate } from './telegram-api.ts';

export const ALICE: User = { id: 101, is_bot: false, first_name: 'Alice', username: 'alice_analyst' };
export const BOB: User = { id: 102, is_bot: false, first_name: 'Bob' };
export const ADMIN: User = { id: 103, is_bot: false, first_name: 'Ada' };
export const GROUP: Chat = { id: -1001234500, type: 'supergroup', title: 'Geneva watchers' };

export function privateChat(user: User): Chat {
  return { id: user.id, type: 'private', first_name: user.first_name };
}

let nextMessageId = 1;

/** The entities Telegram would attach: a leading /command, @mentions. */
export function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const match of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: 'mention', offset: match.index, length: match[0].length });
  }
  return entities;
}

function baseMessage(chat: Chat, from: User | undefined): Omit<Message, 'text'> {
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    ...(from ? { from } : {}),
  } as Omit<Message, 'text'>;
}

/** A message the bot sent earlier, for reply_to_message. */
export function botMessage(chat: Chat, text = 'An earlier answer'): Message {
  return { ...baseMessage(chat, FAKE_BOT), text } as Message;
}

export function textUpdate(
  chat: Chat,
  from: User | undefined,
  text: string,
  extra: { replyTo?: Message; channel?: boolean } = {},
): NewUpdate {
  const entities = entitiesOf(text);
  const message = {
    ...baseMessage(chat, from),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...(extra.replyTo ? { reply_to_message: extra.replyTo } : {}),
  } as Message;
  return (extra.channel ? { channel_post: message } : { message }) as NewUpdate;
}

export function stickerUpdate(chat: Chat, from: User): NewUpdate {
  const sticker = {
    file_id: 'CAAC',
    file_unique_id: 'u1',
    type: 'regular',
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
  };
  return { message: { ...baseMessage(chat, from), sticker } } as NewUpdate;
}

export function photoUpdate(chat: Chat, from: User): NewUpdate {
  const photo = [{ file_id: 'AgAC', file_unique_id: 'p1', width: 90, height: 90 }];
  return { message: { ...baseMessage(chat, from), photo, caption: 'look at this' } } as NewUpdate;
}

export function callbackUpdate(chat: Chat, from: User, data: string, messageId = 1): NewUpdate {
  return {
    callback_query: {
      id: `cq-${nextMessageId++}`,
      from,
      chat_instance: `ci-${chat.id}`,
      data,
      message: { ...baseMessage(chat, FAKE_BOT), message_id: messageId, text: 'An answer' } as Message,
    },
  };
}
