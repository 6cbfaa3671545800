import type { AttacheApi } from '../core/api.ts';
import { createDigestRunner, type DigestRunner, type DigestRunnerDeps } from '../core/digest/digest-runner.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Storage } from '../db/open-storage.ts';
import type { Config } from './config.ts';

/** The runner that posts due digests, over the app's database (scheduler and `digest run-due`). */
export function wireDigestRunner(
  app: {
    storage: Pick<Storage, 'digests'>;
    attache: Pick<AttacheApi, 'search'>;
    clock: Clock;
    config?: Pick<Config, 'claimLeaseMs'>;
  },
  logger: Logger,
  options: Pick<DigestRunnerDeps, 'sleep' | 'instanceId' | 'retry'> = {},
): DigestRunner {
  return createDigestRunner({
    store: app.storage.digests,
    attache: app.attache,
    clock: app.clock,
    logger,
    ...(app.config ? { staleClaimMs: app.config.claimLeaseMs } : {}),
    ...options,
  });
}
