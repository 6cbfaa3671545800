import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { validateUserText } from '../../../core/input.ts';
import { topicChoices } from '../autocomplete-choices.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { conversationId, deferAndReply } from '../respond.ts';

/** `/brief [topic]`: a short cited briefing. */
export const briefCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('A short briefing from the news corpus, every claim cited')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('topic')
        .setDescription('What to brief on, e.g. Ryabkov or NATO (optional)')
        .setMaxLength(200)
        .setAutocomplete(true),
    ),
  async execute(interaction, context) {
    const raw = interaction.options.getString('topic');
    // Checked before deferring so a bad topic gets a private message rather than a public placeholder.
    const topic = raw === null ? undefined : validateUserText(raw, 'topic');
    const conversation = conversationId(context, interaction);
    await deferAndReply(
      interaction,
      () => context.attache.brief({ conversation, ...(topic === undefined ? {} : { topic }) }),
      interaction.user.id,
    );
  },
  async autocomplete(interaction, context) {
    await interaction.respond(topicChoices(await context.topics.suggest(interaction.options.getFocused())));
  },
};
