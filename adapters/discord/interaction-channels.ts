import type { BaseInteraction, Client } from 'discord.js';
import { GatewayDispatchEvents } from 'discord.js';

/** Enough recent interactions to cover everything still being handled. */
const REMEMBERED = 500;

/**
 * The channel of each interaction. discord.js reads it from the interaction's
 * `channel` object; this also keeps the plain `channel_id` of the raw payload
 * so a conversation id never depends on which of the two Discord sent.
 */
export function trackInteractionChannels(client: Client): (interaction: BaseInteraction) => string | null {
  const channels = new Map<string, string>();
  // The gateway emits the raw dispatch before discord.js builds the interaction, so the id is known in time.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: { id?: unknown; channel_id?: unknown }) => {
    if (typeof data.id !== 'string' || typeof data.channel_id !== 'string') return;
    channels.set(data.id, data.channel_id);
    if (channels.size > REMEMBERED) {
      const oldest = channels.keys().next().value;
      if (oldest !== undefined) channels.delete(oldest);
    }
  });
  return (interaction) => interaction.channelId ?? channels.get(interaction.id) ?? null;
}
