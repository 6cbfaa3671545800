/** The "More" and "Sources" buttons under a reply, routed back to core. */
import type { ButtonInteraction } from 'discord.js';
import type { DiscordContext } from './discord-command.ts';
import { BUTTON_IDS } from './render-discord.ts';
import { renderCitations, renderDocuments } from './render-sources.ts';
import { conversationId, deferAndReply, sendMessages } from './respond.ts';

/** Parses `attache:<action>[:<owner user id>]`; null for buttons this adapter does not own. */
export function parseButtonId(customId: string): { action: 'more' | 'sources'; ownerId: string | null } | null {
  for (const action of ['more', 'sources'] as const) {
    const prefix = BUTTON_IDS[action];
    if (customId === prefix) return { action, ownerId: null };
    if (customId.startsWith(`${prefix}:`)) {
      const ownerId = customId.slice(prefix.length + 1);
      return /^\d{1,25}$/.test(ownerId) ? { action, ownerId } : null;
    }
  }
  return null;
}

/**
 * Handles a button press; returns false when the button is not ours. A press
 * continues the conversation of the person the reply was for (the one in the
 * custom id), so anyone in the channel can read on; "Sources" is shown only to the presser.
 */
export async function handleButton(interaction: ButtonInteraction, context: DiscordContext): Promise<boolean> {
  const parsed = parseButtonId(interaction.customId);
  if (!parsed) return false;
  const ownerId = parsed.ownerId ?? interaction.user.id;
  const conversation = conversationId(context, interaction, ownerId);
  if (parsed.action === 'more') {
    await deferAndReply(interaction, () => context.attache.more({ conversation }), ownerId);
  } else {
    const citations = await context.attache.lastCitations({ conversation });
    // With no cited reply to show, the corpus itself is the best answer to "where does this come from?".
    const messages =
      citations.length > 0 ? renderCitations(citations) : renderDocuments(await context.attache.sources());
    await sendMessages(interaction, messages, { ephemeral: true });
  }
  return true;
}
