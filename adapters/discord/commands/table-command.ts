/**
 * A conversation command of core's table (brief, ask, more, sources, timeline, why) as a slash command:
 * registration data generated from the table, values checked by core's guard before deferring (so a bad
 * value gets a private message, not a public placeholder), then core's call and the renderer.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { renderWhyText } from '../../../core/analysis/why.ts';
import type { CommandResult, CommandSpec } from '../../../core/commands/command-table.ts';
import { topicChoices } from '../autocomplete-choices.ts';
import type { DiscordCommand, DiscordContext } from '../discord-command.ts';
import { packEmbeds } from '../embed-packing.ts';
import { COLORS, escapeText, type RenderedMessage, renderReply } from '../render-discord.ts';
import { renderDocuments } from '../render-sources.ts';
import { conversationId, replyEphemeral, sendMessages } from '../respond.ts';
import { slashData } from '../slash-data.ts';

/** The messages for what a command produced. */
function render(result: CommandResult, ownerId: string): RenderedMessage[] {
  if (result.kind === 'documents') return renderDocuments(result.documents);
  if (result.kind === 'why') {
    const lines = renderWhyText(result.report).split('\n').map(escapeText);
    return packEmbeds({ title: 'Why this reply', color: COLORS.info, lines }).map((embeds) => ({
      embeds,
      components: [],
    }));
  }
  return renderReply(result.reply, result.continuable ? { ownerId } : {});
}

async function execute(spec: CommandSpec, interaction: ChatInputCommandInteraction, context: DiscordContext) {
  const call = spec.call;
  if (!call) return;
  const values = Object.fromEntries(spec.arguments.map((a) => [a.name, interaction.options.getString(a.name)]));
  const checked = await context.guard.check(spec, { id: `discord:${interaction.user.id}` }, values);
  if (!checked.ok) return replyEphemeral(interaction, checked.message);
  const [argument] = spec.arguments;
  const input = {
    conversation: conversationId(context, interaction),
    text: (argument && checked.values[argument.name]) || '',
  };
  // Private results (why) come at once and only to the asker; the others may take the engine longer than 3 s.
  if (!spec.private) await interaction.deferReply();
  const result = await call(context.attache, input);
  await sendMessages(interaction, render(result, interaction.user.id), { ephemeral: spec.private ?? false });
}

/** The slash command of a conversation command of the table. */
export function tableCommand(spec: CommandSpec): DiscordCommand {
  const suggestsTopics = spec.arguments.some((a) => a.suggest === 'topics');
  return {
    data: slashData(spec),
    execute: (interaction, context) => execute(spec, interaction, context),
    ...(suggestsTopics
      ? {
          async autocomplete(interaction, context) {
            await interaction.respond(topicChoices(await context.topics.suggest(interaction.options.getFocused())));
          },
        }
      : {}),
  };
}
