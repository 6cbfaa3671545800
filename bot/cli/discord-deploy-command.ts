import type { CliCommand } from './command.ts';
import { writeLine } from './command.ts';

// PLACEHOLDER: implemented by the Discord issue.
export const discordDeployCommand: CliCommand = {
  name: 'discord:deploy',
  usage: 'discord:deploy',
  summary: 'register the slash commands with Discord',
  async run(_args, context) {
    writeLine(context.stderr, 'discord:deploy: not implemented yet');
    return 1;
  },
};
