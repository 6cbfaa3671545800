import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { DiscordCommand } from '../discord-command.ts';
import { conversationId, deferAndReply } from '../respond.ts';

/** `/more`: continues the last briefing or answer in this channel with material not shown yet. */
export const moreCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('more')
    .setDescription('Continue your last briefing or answer with further sourced material')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    const conversation = conversationId(context, interaction);
    await deferAndReply(interaction, () => context.attache.more({ conversation }), interaction.user.id);
  },
};
