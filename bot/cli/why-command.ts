import { parseArgs } from 'node:util';
import { renderWhyText } from '../../core/analysis/why.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

export const whyCommand: CliCommand = {
  name: 'why',
  usage: 'why [--json] [--session ID]',
  summary: "how the session's last reply came about: passages retrieved and cited, engine, corpus",
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, session: { type: 'string' } },
    });
    const json = values.json;
    try {
      const report = await (await context.app()).attache.why({ conversation: `console:${values.session ?? 'cli'}` });
      if (!report) {
        const message = renderWhyText(null);
        if (json) writeLine(context.stdout, JSON.stringify({ error: { code: 'no_reply', message } }));
        else writeLine(context.stderr, message);
        return 2;
      }
      if (json) writeJson(context.stdout, report);
      else writeLine(context.stdout, renderWhyText(report));
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
