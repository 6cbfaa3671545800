import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { renderWhyText } from '../../../core/analysis/why.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { packEmbeds } from '../embed-packing.ts';
import { COLORS, escapeText } from '../render-discord.ts';
import { conversationId, sendMessages } from '../respond.ts';

/** `/why`: how the asker's last reply in this channel came about, shown only to them. */
export const whyCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('why')
    .setDescription('How your last reply came about: passages retrieved and cited, engine, corpus')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    const report = await context.attache.why({ conversation: conversationId(context, interaction) });
    const lines = renderWhyText(report).split('\n').map(escapeText);
    const messages = packEmbeds({ title: 'Why this reply', color: COLORS.info, lines }).map((embeds) => ({
      embeds,
      components: [],
    }));
    await sendMessages(interaction, messages, { ephemeral: true });
  },
};
