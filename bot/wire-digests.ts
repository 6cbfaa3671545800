import type { AttacheApi, DigestApi } from '../core/api.ts';
import { InputError } from '../core/errors.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { AppDatabase } from '../db/open-database.ts';

/** PLACEHOLDER (the digests issue implements it): subscriptions over SQLite. */
export function wireDigests(_db: AppDatabase, _attache: AttacheApi, _logger: Logger): DigestApi {
  const unavailable = (): never => {
    throw new InputError('unavailable', 'Daily digests are not available yet.');
  };
  return { subscribe: unavailable, unsubscribe: unavailable, status: () => null, list: () => [] };
}
