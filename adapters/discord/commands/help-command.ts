import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { DiscordCommand } from '../discord-command.ts';
import { renderHelp } from '../render-help.ts';
import { sendMessages } from '../respond.ts';

/** `/help`: what the bot does and what its corpus covers, shown only to the asker. */
export const helpCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Attaché does, what its news corpus covers, and how to use it')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    await sendMessages(interaction, renderHelp(await context.attache.sources()), { ephemeral: true });
  },
};
