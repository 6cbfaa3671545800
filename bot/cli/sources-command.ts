import { parseArgs } from 'node:util';
import { renderSourcesText } from '../../adapters/console/render-reply.ts';
import { type CliCommand, writeJson, writeLine } from './command.ts';

export const sourcesCommand: CliCommand = {
  name: 'sources',
  usage: 'sources [--json]',
  summary: 'list the documents of the corpus',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const documents = await (await context.app()).attache.sources();
    if (values.json) {
      writeJson(
        context.stdout,
        documents.map(({ id, title, outlet, author, publishedAt, url, language, passages }) => ({
          id,
          title,
          outlet,
          author,
          publishedAt,
          url,
          language,
          passages,
        })),
      );
    } else writeLine(context.stdout, renderSourcesText(documents));
    return 0;
  },
};
