/**
 * Which messages are meant for the bot. In private chats, all of them; in
 * groups and channels only commands (not addressed to another bot), replies to
 * the bot's own messages and @mentions of it — other chatter is ignored.
 */
import type { Context, NextFunction } from 'grammy';
import type { Message, MessageEntity } from 'grammy/types';

function incoming(ctx: Context): Message | undefined {
  return ctx.message ?? ctx.channelPost;
}

function textAndEntities(message: Message): { text: string; entities: MessageEntity[] } {
  return { text: message.text ?? message.caption ?? '', entities: message.entities ?? message.caption_entities ?? [] };
}

function mentionsBot(ctx: Context, entity: MessageEntity, text: string): boolean {
  if (entity.type === 'text_mention') return entity.user.id === ctx.me.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${ctx.me.username.toLowerCase()}`;
}

/** True for a command at the start of the message that is ours ("/brief" or "/brief@ourbot"). */
export function isOwnCommand(ctx: Context, message: Message): boolean {
  const { text, entities } = textAndEntities(message);
  const command = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!command) return false;
  const target = text.slice(1, command.length).split('@')[1];
  return target === undefined || target.toLowerCase() === ctx.me.username.toLowerCase();
}

/** True when the message is for the bot (see the file comment). */
export function isAddressedToBot(ctx: Context): boolean {
  const message = incoming(ctx);
  if (!message) return true;
  if (message.chat.type === 'private') return true;
  if (isOwnCommand(ctx, message)) return true;
  if (message.reply_to_message?.from?.id === ctx.me.id) return true;
  const { text, entities } = textAndEntities(message);
  return entities.some((e) => mentionsBot(ctx, e, text));
}

const LEADING_COMMAND = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,64})?(?=\s|$)/;

/**
 * Middleware: Telegram marks a leading /command with a bot_command entity, and
 * grammY's command matching relies on it; a client that left it out still gets
 * its command understood.
 */
export async function commandEntities(ctx: Context, next: NextFunction): Promise<void> {
  const message = incoming(ctx);
  const command = message?.text ? LEADING_COMMAND.exec(message.text) : null;
  if (message && command && !message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) {
    message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }, ...(message.entities ?? [])];
  }
  await next();
}

/** Middleware: drops messages not meant for the bot. */
export async function addressedOnly(ctx: Context, next: NextFunction): Promise<void> {
  if (isAddressedToBot(ctx)) await next();
}

/** The message text with the bot's @mentions removed. */
export function questionText(ctx: Context): string {
  const message = incoming(ctx);
  if (!message) return '';
  const { text, entities } = textAndEntities(message);
  let result = text;
  for (const e of [...entities].reverse()) {
    if (mentionsBot(ctx, e, text)) result = `${result.slice(0, e.offset)} ${result.slice(e.offset + e.length)}`;
  }
  return result.replace(/\s+/g, ' ').trim();
}

/** True for private chats (where any text is a question). */
export function isPrivateChat(ctx: Context): boolean {
  return ctx.chat?.type === 'private';
}
