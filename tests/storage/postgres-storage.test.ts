import { afterAll, describe } from 'vitest';
import { openStorage } from '../../db/open-storage.ts';
import { freshDatabase, POSTGRES_URL } from './postgres-env.ts';
import { runStorageContract } from './storage-contract.ts';

// Needs PostgreSQL (DATABASE_TEST_URL); skipped without it locally, a failure in CI (see postgres-env.ts).
describe.skipIf(!POSTGRES_URL)('PostgreSQL store (needs DATABASE_TEST_URL)', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(() => drop?.());
  runStorageContract('PostgreSQL', async () => {
    const database = await freshDatabase();
    drop = database.drop;
    return openStorage({ url: database.url, path: '' });
  });
});
