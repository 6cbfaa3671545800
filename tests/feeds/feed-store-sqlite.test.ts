import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../db/open-storage.ts';
import { runFeedStoreContract } from './feed-store-contract.ts';

runFeedStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-feeds-'));
  return {
    open: () => openStorage({ path: join(dir, 'feeds.db') }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
