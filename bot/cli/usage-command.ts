import type { CliCommand } from './command.ts';
import { writeLine } from './command.ts';

// PLACEHOLDER: implemented by the Claude engine issue.
export const usageCommand: CliCommand = {
  name: 'usage',
  usage: 'usage [--json]',
  summary: 'Claude token usage per day',
  async run(_args, context) {
    writeLine(context.stderr, 'usage: not implemented yet');
    return 1;
  },
};
