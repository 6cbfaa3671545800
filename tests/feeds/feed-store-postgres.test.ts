import { describe } from 'vitest';
import { openStorage } from '../../db/open-storage.ts';
import { freshDatabase, POSTGRES_URL } from '../storage/postgres-env.ts';
import { runFeedStoreContract } from './feed-store-contract.ts';

// Needs PostgreSQL (DATABASE_TEST_URL); skipped without it locally, a failure in CI (see postgres-env.ts).
describe.skipIf(!POSTGRES_URL)('PostgreSQL feed store (needs DATABASE_TEST_URL)', () => {
  runFeedStoreContract('PostgreSQL', async () => {
    const database = await freshDatabase();
    return { open: () => openStorage({ url: database.url, path: '' }), drop: database.drop };
  });
});
