/**
 * How the adapter answers interactions: defer, then edit and follow up with
 * rendered messages; errors as polite ephemeral messages. Every payload
 * carries empty allowed mentions, so nothing quoted can ping anyone.
 */
import type { BaseInteraction, MessageMentionOptions, RepliableInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { describeError, InputError, userMessage } from '../../core/errors.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/reply.ts';
import type { DiscordContext } from './discord-command.ts';
import { discordConversation } from './discord-platform.ts';
import { DISCORD_LIMITS, truncate } from './embed-packing.ts';
import { type RenderedMessage, renderReply } from './render-discord.ts';

/** Allowed mentions for every message: none. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** `discord:<channel>:<user>`: one conversation per person per channel (a DM is a channel too). */
export function conversationId(context: DiscordContext, interaction: BaseInteraction, userId?: string): string {
  return discordConversation(context.channelOf(interaction) ?? 'unknown', userId ?? interaction.user.id);
}

function payload(message: RenderedMessage) {
  return { embeds: message.embeds, components: message.components, allowedMentions: NO_MENTIONS };
}

function options(message: RenderedMessage, ephemeral: boolean) {
  return ephemeral ? { ...payload(message), flags: MessageFlags.Ephemeral as const } : payload(message);
}

/** Sends rendered messages to an interaction: a reply (or the edit of a deferred reply), then follow-ups. */
export async function sendMessages(
  interaction: RepliableInteraction,
  messages: readonly RenderedMessage[],
  { ephemeral = false } = {},
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  if (interaction.deferred && !interaction.replied) {
    // An edit keeps the deferred reply's visibility; flags cannot change it.
    await interaction.editReply(payload(first));
  } else if (interaction.replied) {
    await interaction.followUp(options(first, ephemeral));
  } else {
    await interaction.reply(options(first, ephemeral));
  }
  for (const message of rest) await interaction.followUp(options(message, ephemeral));
}

/**
 * Acknowledges at once (the engine may take longer than Discord's 3 seconds),
 * then renders what core produced. Errors reach the caller.
 */
export async function deferAndReply(
  interaction: RepliableInteraction,
  produce: () => Promise<Reply>,
  ownerId: string,
): Promise<void> {
  await interaction.deferReply();
  const reply = await produce();
  await sendMessages(interaction, renderReply(reply, { ownerId }));
}

/** A short ephemeral text reply (or follow-up, when already acknowledged). */
export async function replyEphemeral(interaction: RepliableInteraction, text: string): Promise<void> {
  const payload = {
    content: truncate(text, DISCORD_LIMITS.content),
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral as const,
  };
  if (interaction.deferred && !interaction.replied) {
    // A deferred reply is public; replace it with an ephemeral follow-up so only the user sees the error.
    try {
      await interaction.deleteReply();
    } catch {
      await interaction.editReply({ content: payload.content, allowedMentions: NO_MENTIONS });
      return;
    }
  }
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/** Tells the user what went wrong: InputError messages as they are, anything else generically (and logged). */
export async function replyWithError(interaction: RepliableInteraction, error: unknown, logger: Logger): Promise<void> {
  if (!(error instanceof InputError)) logger.error({ err: describeError(error) }, 'discord interaction failed');
  try {
    await replyEphemeral(interaction, userMessage(error));
  } catch (sendError) {
    logger.warn({ err: describeError(sendError) }, 'could not tell the user about an error');
  }
}

/** Error details safe to log (core's one describeError): never request URLs, which carry interaction tokens. */
export { describeError };
