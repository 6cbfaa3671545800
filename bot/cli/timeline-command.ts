import { parseArgs } from 'node:util';
import { renderReplyText } from '../../adapters/console/render-reply.ts';
import { timelineReply } from '../../core/analysis/timeline.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

export const timelineCommand: CliCommand = {
  name: 'timeline',
  usage: 'timeline [--json] [topic]',
  summary: 'dated events in order, one per event, each cited',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    const json = values.json;
    try {
      const topic = positionals.length > 0 ? positionals.join(' ') : undefined;
      const timeline = await (await context.app()).attache.timeline(topic === undefined ? {} : { topic });
      if (json) writeJson(context.stdout, timeline);
      else writeLine(context.stdout, renderReplyText(timelineReply(timeline, 'extractive')));
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
