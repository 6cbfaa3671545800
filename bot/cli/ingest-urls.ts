import { FetchError } from '../../core/feeds/fetch-error.ts';
import type { WebIngestResult } from '../../core/feeds/ingest-web-page.ts';
import { wireFeeds } from '../wire-feeds.ts';
import type { CliContext } from './command.ts';

export type UrlIngestResult =
  | (WebIngestResult & { ok: true })
  | { url: string; ok: false; error: { code: string; message: string } };

/** Ingests web pages one by one; a page that fails is reported and the others go on. */
export async function ingestUrls(context: CliContext, urls: readonly string[]): Promise<UrlIngestResult[]> {
  const feeds = wireFeeds(await context.app(), context.logger);
  const results: UrlIngestResult[] = [];
  for (const url of urls) {
    try {
      results.push({ ...(await feeds.ingestUrl(url)), ok: true });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      results.push({ url, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}
