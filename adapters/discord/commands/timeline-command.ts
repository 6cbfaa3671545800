import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { timelineReply } from '../../../core/analysis/timeline.ts';
import { validateUserText } from '../../../core/input.ts';
import { topicChoices } from '../autocomplete-choices.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { renderReply } from '../render-discord.ts';
import { sendMessages } from '../respond.ts';

/** `/timeline [topic]`: dated events in order, each cited (no buttons: it is no conversation turn). */
export const timelineCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the news corpus in order, each cited')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('topic')
        .setDescription('What the events should be about, e.g. ceasefire talks (optional)')
        .setMaxLength(200)
        .setAutocomplete(true),
    ),
  async execute(interaction, context) {
    const raw = interaction.options.getString('topic');
    // Checked before deferring so a bad topic gets a private message rather than a public placeholder.
    const topic = raw === null ? undefined : validateUserText(raw, 'topic');
    await interaction.deferReply();
    const timeline = await context.attache.timeline(topic === undefined ? {} : { topic });
    await sendMessages(interaction, renderReply(timelineReply(timeline, 'extractive')));
  },
  async autocomplete(interaction, context) {
    await interaction.respond(topicChoices(await context.topics.suggest(interaction.options.getFocused())));
  },
};
