/** Every slash command, wired by hand (no filesystem scanning): the router and `discord:deploy` both read this. */
import { askCommand } from './commands/ask-command.ts';
import { briefCommand } from './commands/brief-command.ts';
import { digestCommand } from './commands/digest-command.ts';
import { feedsCommand } from './commands/feeds-command.ts';
import { helpCommand } from './commands/help-command.ts';
import { moreCommand } from './commands/more-command.ts';
import { sourcesCommand } from './commands/sources-command.ts';
import type { DiscordCommand } from './discord-command.ts';

export const DISCORD_COMMANDS: readonly DiscordCommand[] = [
  briefCommand,
  askCommand,
  moreCommand,
  sourcesCommand,
  digestCommand,
  feedsCommand,
  helpCommand,
];

/** The registration payload for Discord's bulk-overwrite endpoint. */
export function commandPayloads() {
  return DISCORD_COMMANDS.map((command) => command.data.toJSON());
}
