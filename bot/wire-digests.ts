import type { AttacheApi, DigestApi } from '../core/api.ts';
import { createDigestRunner, type DigestRunner, type DigestRunnerDeps } from '../core/digest/digest-runner.ts';
import { createDigestService } from '../core/digest/digest-service.ts';
import { type Clock, systemClock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { createDigestRepository } from '../db/repositories/digest-repository.ts';

/** Daily digest subscriptions over SQLite (the DigestApi the adapters and the CLI call). */
export function wireDigests(
  db: AppDatabase,
  _attache: AttacheApi,
  logger: Logger,
  clock: Clock = systemClock,
): DigestApi {
  return createDigestService({ store: createDigestRepository(db), clock, logger });
}

/** The runner that posts due digests, over the same database (scheduler and `digest run-due`). */
export function wireDigestRunner(
  app: { database: { db: AppDatabase }; attache: Pick<AttacheApi, 'brief'>; clock: Clock },
  logger: Logger,
  options: Pick<DigestRunnerDeps, 'sleep' | 'instanceId' | 'retry'> = {},
): DigestRunner {
  return createDigestRunner({
    store: createDigestRepository(app.database.db),
    attache: app.attache,
    clock: app.clock,
    logger,
    ...options,
  });
}
