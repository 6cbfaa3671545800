import { openStorage } from '../../db/open-storage.ts';
import { runStorageContract } from './storage-contract.ts';

runStorageContract('SQLite', () => openStorage({ path: ':memory:' }));
