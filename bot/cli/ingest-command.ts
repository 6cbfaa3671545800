import { parseArgs } from 'node:util';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { isPageUrl } from './page-url.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'ingest [--json] <path-or-url...>',
  summary:
    'add or update documents (.txt, .md, .html files, folders of them, or http(s) page URLs); reports every one it cannot use',
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
    const urls = positionals.filter(isPageUrl);
    if (urls.length > 0) {
      // Loaded only for URLs: the web extractor's libraries stay out of every other CLI start.
      const { ingestUrls } = await import('./ingest-urls.ts');
      const pages = await ingestUrls(context, urls);
      const files = positionals.filter((p) => !isPageUrl(p));
      const code = files.length > 0 ? await this.run([...(json ? ['--json'] : []), ...files], context) : 0;
      if (json) writeJson(context.stdout, pages);
      for (const p of pages) {
        if (p.ok)
          writeLine(
            json ? context.stderr : context.stdout,
            `${p.documentId}: ${p.outcome} (${p.passages} passages) ${p.url}`,
          );
        else writeLine(context.stderr, `Error: ${p.error.message}`);
      }
      return pages.some((p) => !p.ok) ? 2 : code;
    }
    const report = await ingestFiles((await context.app()).corpus, positionals);
    if (json) writeJson(context.stdout, report);
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
