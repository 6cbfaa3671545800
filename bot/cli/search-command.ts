import { parseArgs } from 'node:util';
import { type CliCommand, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search [--json] [--limit N] "<text>"',
  summary: 'ranked passages for a text (BM25)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '10' } },
    });
    const json = values.json;
    try {
      const limit = Math.min(Math.max(Number.parseInt(values.limit, 10) || 10, 1), 100);
      const result = await (await context.app()).attache.search(positionals.join(' '), limit);
      if (json) {
        writeJson(context.stdout, {
          terms: result.terms,
          results: result.passages.map((p, i) => ({
            rank: i + 1,
            score: Number(p.score.toFixed(4)),
            passageId: p.id,
            documentId: p.documentId,
            outlet: p.document.outlet,
            title: p.document.title,
            publishedAt: p.document.publishedAt,
            start: p.start,
            end: p.end,
            text: p.text,
          })),
        });
      } else if (result.passages.length === 0) {
        writeLine(context.stdout, 'No passages match.');
      } else {
        for (const [i, p] of result.passages.entries()) {
          const where = `${p.document.outlet ?? 'unknown outlet'}, ${p.document.publishedAt ?? 'undated'}`;
          writeLine(context.stdout, `${i + 1}. [${p.id}] (${where}; score ${p.score.toFixed(2)})\n   ${p.text}\n`);
        }
      }
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
