import { parseArgs } from 'node:util';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { isPageUrl } from './page-url.ts';
import { reportError } from './report-error.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'ingest [--json] <path-or-url...>',
  summary: 'add or update documents (.txt, .md, .html files or folders of them, or http(s) page URLs)',
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
