import { parseArgs } from 'node:util';
import { renderReplyText } from '../../adapters/console/render-reply.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

export const briefCommand: CliCommand = {
  name: 'brief',
  usage: 'brief [--json] [--session ID] [topic]',
  summary: 'a short cited briefing, on a topic when given',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, session: { type: 'string' } },
    });
    const json = values.json;
    try {
      const topic = positionals.length > 0 ? positionals.join(' ') : undefined;
      const conversation = `console:${values.session ?? 'cli'}`;
      const reply = await (await context.app()).attache.brief({
        conversation,
        ...(topic === undefined ? {} : { topic }),
      });
      if (json) writeJson(context.stdout, reply);
      else writeLine(context.stdout, renderReplyText(reply));
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
