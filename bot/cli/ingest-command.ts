import { parseArgs } from 'node:util';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'ingest [--json] <path...>',
  summary: 'add or update documents (.txt, .md, .html files, folders of them); reports every file it cannot use',
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
    const report = await ingestFiles((await context.app()).corpus, positionals);
    if (values.json) writeJson(context.stdout, report);
    else {
      for (const r of report.saved) writeLine(context.stdout, `${r.documentId}: ${r.outcome} (${r.passages} passages)`);
      for (const f of report.failed) writeLine(context.stderr, `not ingested: ${f.path}: ${f.reason}`);
      if (report.failed.length > 0) {
        const n = report.saved.length;
        const rest = n === 0 ? 'nothing was ingested' : `the other ${n} ${n === 1 ? 'was' : 'were'} ingested`;
        writeLine(context.stderr, `${report.failed.length} could not be ingested; ${rest}.`);
      }
    }
    // Non-zero when anything failed, so scripts notice even though the usable files went in.
    return report.failed.length > 0 ? 2 : 0;
  },
};
