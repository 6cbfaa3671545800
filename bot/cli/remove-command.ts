import { parseArgs } from 'node:util';
import { type CliCommand, writeJson, writeLine } from './command.ts';

export const removeCommand: CliCommand = {
  name: 'remove',
  usage: 'remove [--json] <id...>',
  summary: 'remove documents and their passages (ids as `sources` lists them)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) {
      writeLine(context.stderr, `Usage: ${this.usage}`);
      return 2;
    }
    const removed = await (await context.app()).corpus.removeDocuments(positionals);
    const unknown = [...new Set(positionals)].filter((id) => !removed.includes(id));
    if (values.json) writeJson(context.stdout, { removed, unknown });
    else {
      for (const id of removed) writeLine(context.stdout, `${id}: removed`);
      for (const id of unknown) {
        writeLine(context.stderr, `${id}: no such document (see \`npm run --silent cli -- sources\`)`);
      }
    }
    return unknown.length > 0 ? 2 : 0;
  },
};
