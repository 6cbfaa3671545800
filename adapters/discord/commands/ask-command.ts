import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_INPUT_CHARS, validateUserText } from '../../../core/input.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { conversationId, deferAndReply } from '../respond.ts';

/** `/ask question:`: an answer from the corpus; follow-ups use the conversation. */
export const askCommand: DiscordCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; the answer cites the news passages it rests on')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('e.g. What did Ryabkov say about concessions?')
        .setRequired(true)
        .setMaxLength(MAX_INPUT_CHARS),
    ),
  async execute(interaction, context) {
    // Checked before deferring so a bad question gets a private message rather than a public placeholder.
    const question = validateUserText(interaction.options.getString('question', true));
    const conversation = conversationId(context, interaction);
    await deferAndReply(interaction, () => context.attache.ask({ question, conversation }), interaction.user.id);
  },
};
