import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { DiscordCommand } from '../discord-command.ts';
import { renderDocuments } from '../render-sources.ts';
import { sendMessages } from '../respond.ts';

/** `/sources`: the documents of the corpus. */
export const sourcesCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the news documents the bot answers from')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    await interaction.deferReply();
    await sendMessages(interaction, renderDocuments(await context.attache.sources()));
  },
};
