import type { CliCommand } from './command.ts';
import { writeLine } from './command.ts';

// PLACEHOLDER: implemented by the digests issue.
export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest list | subscribe | unsubscribe | run-due [--at ISO-8601]',
  summary: 'daily digest subscriptions',
  async run(_args, context) {
    writeLine(context.stderr, 'digest: not implemented yet');
    return 1;
  },
};
