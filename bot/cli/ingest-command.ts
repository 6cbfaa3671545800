import { parseArgs } from 'node:util';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'ingest [--json] <path...>',
  summary: 'add or update documents (.txt, .md, .html files or folders of them)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    const json = values.json;
    if (positionals.length === 0) {
      writeLine(context.stderr, `Usage: ${this.usage}`);
      return 2;
    }
    try {
      const results = await ingestFiles((await context.app()).corpus, positionals);
      if (json) writeJson(context.stdout, results);
      else {
        for (const r of results) writeLine(context.stdout, `${r.documentId}: ${r.outcome} (${r.passages} passages)`);
      }
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
