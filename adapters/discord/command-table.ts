/** Every slash command, bound to core's command table by hand (no filesystem scanning): the router and `discord:deploy` both read this. */
import { command } from '../../core/commands/command-table.ts';
import { digestCommand } from './commands/digest-command.ts';
import { feedsCommand } from './commands/feeds-command.ts';
import { helpCommand } from './commands/help-command.ts';
import { tableCommand } from './commands/table-command.ts';
import type { DiscordCommand } from './discord-command.ts';

export const DISCORD_COMMANDS: readonly DiscordCommand[] = [
  tableCommand(command('brief')),
  tableCommand(command('ask')),
  tableCommand(command('more')),
  tableCommand(command('sources')),
  tableCommand(command('timeline')),
  tableCommand(command('why')),
  digestCommand,
  feedsCommand,
  helpCommand,
];

/** The registration payload for Discord's bulk-overwrite endpoint. */
export function commandPayloads() {
  return DISCORD_COMMANDS.map((command) => command.data.toJSON());
}
