/**
 * Slash-command registration data generated from core's command table: names, descriptions, options,
 * their limits and autocompletion, subcommands for a command's actions. `discord:deploy` sends this.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { ArgumentSpec, CommandSpec } from '../../core/commands/command-table.ts';

/** Discord caps descriptions at 100 characters. */
const description = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99)}…`);

function stringOption(argument: ArgumentSpec) {
  return (o: SlashCommandStringOption) => {
    o.setName(argument.name).setDescription(description(argument.description)).setRequired(argument.required);
    // Discord allows either fixed choices or a length limit and autocompletion on an option.
    if (argument.choices) return o.addChoices(...argument.choices);
    return o.setMaxLength(argument.maxLength).setAutocomplete(argument.suggest !== undefined);
  };
}

/** Discord-only additions to one subcommand (e.g. a channel picker), by action name. */
export type SubcommandExtras = Record<string, (s: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder>;

/**
 * The builder of a command. Commands with chat-admin actions are server-only; their other settings
 * (default permissions) are the caller's to add, since they are Discord's own vocabulary.
 */
export function slashData(spec: CommandSpec, extras: SubcommandExtras = {}): SlashCommandBuilder {
  const serverOnly = spec.actions?.some((a) => a.audience === 'chat-admins') ?? false;
  const builder = new SlashCommandBuilder()
    .setName(spec.name)
    .setDescription(description(spec.summary))
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(
      ...(serverOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM]),
    );
  for (const argument of spec.arguments) builder.addStringOption(stringOption(argument));
  for (const action of spec.actions ?? []) {
    builder.addSubcommand((s) => {
      s.setName(action.name).setDescription(description(action.summary));
      // Discord lists required options first.
      const ordered = [...action.arguments].sort((a, b) => Number(b.required) - Number(a.required));
      for (const argument of ordered) s.addStringOption(stringOption(argument));
      return extras[action.name]?.(s) ?? s;
    });
  }
  return builder;
}
