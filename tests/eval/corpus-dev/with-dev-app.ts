import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../../../bot/app.ts';
import { loadConfig } from '../../../bot/config.ts';
import { silentLogger } from '../../../core/ports/logger.ts';
import { DEFAULT_SEEDS_DIR } from '../evaluate.ts';
import { type DevIngest, ingestCorpusDev } from './ingest-corpus-dev.ts';
import type { CorpusDev } from './load-corpus-dev.ts';

/**
 * Runs `work` on a fresh app (temporary SQLite database, extractive engine) holding the seeds and the
 * development corpus, then closes it and deletes the database.
 */
export async function withDevApp<T>(dev: CorpusDev, work: (app: App, ingest: DevIngest) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-dev-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'dev.db'),
    SEEDS_DIR: DEFAULT_SEEDS_DIR,
    ENGINE: 'extractive',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config, silentLogger);
  try {
    return await work(app, await ingestCorpusDev(app.corpus, dev));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
