import { parseArgs } from 'node:util';
import { InputError } from '../../core/errors.ts';
import { formatInterval, parseFeedUrl, parseInterval } from '../../core/feeds/feed-input.ts';
import { type CliCommand, type CliContext, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

const USAGE = 'feeds add <url> [--every 30m] [--outlet NAME] | list [--json] | remove <url|id> | poll [--json]';

async function run(action: string | undefined, args: string[], context: CliContext, json: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      every: { type: 'string', default: '30m' },
      outlet: { type: 'string' },
    },
  });
  const app = await context.app();
  // Loaded on use: the feed parser and web extractor stay out of the other commands' start-up.
  const { wireFeeds } = await import('../wire-feeds.ts');
  const feeds = wireFeeds(app, context.logger);
  const out = context.stdout;
  switch (action) {
    case 'add': {
      const [url] = positionals;
      if (!url || positionals.length > 1)
        throw new InputError('usage', 'Usage: feeds add <url> [--every 30m] [--outlet NAME]');
      const outlet = values.outlet?.trim() || null;
      const { feed, created } = await feeds.store.addFeed(
        { url: parseFeedUrl(url), outlet, everyMinutes: parseInterval(values.every) },
        app.clock.now(),
      );
      if (json) writeJson(out, { created, feed });
      else
        writeLine(
          out,
          `${created ? 'Added' : 'Already followed'}: feed ${feed.id} ${feed.url} every ${formatInterval(feed.everyMinutes)}`,
        );
      return 0;
    }
    case 'list': {
      const list = await feeds.store.listFeeds();
      if (json) writeJson(out, list);
      else if (list.length === 0) writeLine(out, 'No feeds. Add one with: feeds add <url>');
      else {
        for (const f of list) {
          const state = f.lastError
            ? `failing ×${f.failures}: ${f.lastError}`
            : f.lastPolledAt
              ? 'ok'
              : 'not polled yet';
          writeLine(
            out,
            `${f.id}\t${f.url}\t${f.outlet ?? f.title ?? '-'}\tevery ${formatInterval(f.everyMinutes)}\tnext ${f.nextPollAt}\t${state}`,
          );
        }
      }
      return 0;
    }
    case 'remove': {
      const [target] = positionals;
      if (!target) throw new InputError('usage', 'Usage: feeds remove <url|id>');
      const removed = await feeds.store.removeFeed(target);
      if (json) writeJson(out, { removed });
      else writeLine(out, removed ? `Removed ${target}.` : `No feed ${target}.`);
      return removed ? 0 : 2;
    }
    case 'poll': {
      const reports = await feeds.poller.pollDue();
      if (json) writeJson(out, reports);
      else {
        if (reports.length === 0) writeLine(out, 'No feed is due.');
        for (const r of reports) {
          const docs = r.documents;
          const detail =
            r.status === 'failed'
              ? `failed: ${r.error}`
              : `${r.status}: ${r.newItems} new, ${r.editedItems} edited items; ${docs.inserted} documents added, ${docs.updated} updated${r.failedItems ? `, ${r.failedItems} items failed` : ''}`;
          writeLine(out, `${r.feedId} ${r.url} ${detail}`);
        }
      }
      return 0;
    }
    default:
      throw new InputError('usage', `Usage: ${USAGE}`);
  }
}

export const feedsCommand: CliCommand = {
  name: 'feeds',
  usage: USAGE,
  summary: 'follow news feeds: add, list, remove, or poll the due ones once',
  async run(args, context) {
    const [action, ...rest] = args;
    const json = rest.includes('--json');
    try {
      return await run(action, rest, context, json);
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
