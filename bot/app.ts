import { existsSync } from 'node:fs';
import type { AttacheApi, DigestApi } from '../core/api.ts';
import { createAttache } from '../core/attache.ts';
import { createDigestService } from '../core/digest/digest-service.ts';
import { ingestFiles } from '../core/ingest/ingest-files.ts';
import { extendKnowledge } from '../core/knowledge/word-groups.ts';
import { type Clock, systemClock } from '../core/ports/clock.ts';
import type { CorpusStore } from '../core/ports/corpus-store.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { PlatformAdapter } from '../core/ports/platform.ts';
import { databaseError } from '../db/database-errors.ts';
import { openStorage, type Storage } from '../db/open-storage.ts';
import type { Config } from './config.ts';
import { createPlatforms } from './platforms.ts';
import { wireEngines } from './wire-engine.ts';

/** Everything the entry points (main, cli, eval, bench) share, wired by hand. */
export interface App {
  config: Config;
  /** The storage ports on the configured database (SQLite file, or PostgreSQL with DATABASE_URL). */
  storage: Storage;
  corpus: CorpusStore;
  attache: AttacheApi;
  digests: DigestApi;
  /** The platforms wired here (core knows them only by name). */
  platforms: PlatformAdapter[];
  clock: Clock;
  close(): Promise<void>;
}

/** Ingests the seed folder; unchanged files are skipped, so this is cheap on every start. */
async function ingestSeeds(config: Config, corpus: CorpusStore, logger: Logger): Promise<void> {
  if (!existsSync(config.seedsDir)) {
    logger.warn({ seedsDir: config.seedsDir }, 'seed folder not found; starting with the stored corpus');
    return;
  }
  const report = await ingestFiles(corpus, [config.seedsDir]);
  const changed = report.saved.filter((r) => r.outcome !== 'unchanged');
  if (changed.length > 0) {
    logger.info({ documents: changed.map((r) => `${r.documentId} (${r.outcome})`) }, 'seed corpus ingested');
  }
  for (const failure of report.failed) logger.warn(`seed not ingested: ${failure.path}: ${failure.reason}`);
}

/**
 * Opens and migrates the database (PostgreSQL when DATABASE_URL is set, else the SQLite file), ingests
 * the seed folder when the database is new or a seed changed, and wires core to its adapters.
 */
export async function createApp(config: Config, logger: Logger, clock: Clock = systemClock): Promise<App> {
  extendKnowledge(config.knowledge);
  const storage = await openStorage({ url: config.databaseUrl, path: config.databasePath });
  try {
    const corpus = storage.corpus;
    await ingestSeeds(config, corpus, logger);
    const engines = await wireEngines(config, logger);
    const attache = createAttache({
      corpus,
      conversations: storage.conversations,
      engine: engines.primary,
      fallbackEngine: engines.fallback,
      usage: storage.usage,
      clock,
      logger,
    });
    const platforms = createPlatforms(config);
    const digests = createDigestService({ store: storage.digests, clock, logger, platforms });
    return { config, storage, corpus, attache, digests, platforms, clock, close: () => storage.close() };
  } catch (error) {
    await storage.close();
    // Seeding writes: a full disk or a lock taken meanwhile is the operator's to fix, said in one line.
    throw databaseError(error, config.databasePath) ?? error;
  }
}
