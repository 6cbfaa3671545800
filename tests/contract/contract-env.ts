/**
 * The core every adapter contract run drives: the real app (SQLite in memory,
 * real migrations, the seed corpus plus one hostile article) behind a thin
 * wrapper that can make one core call fail on demand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterCore } from '../../adapters/running-adapter.ts';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import type { AttacheApi } from '../../core/api.ts';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { silentLogger } from '../../core/ports/logger.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** An article whose text tries to ping everyone and inject markup; retrievable with HOSTILE_QUESTION. */
export const HOSTILE_ARTICLE = [
  'Pranksters target Geneva embassy noticeboard',
  '',
  'GENEVA - Pranksters pinned a notice reading "@everyone @here come to the <b>embassy</b> & bring <script>alert(1)</script> snacks" to the noticeboard of a Geneva embassy on Tuesday, police said.',
  '',
  'The noticeboard prank was removed within the hour, and a police spokesperson called the pranksters "harmless & bored".',
].join('\n');

export const HOSTILE_QUESTION = 'What did the pranksters pin to the embassy noticeboard?';

export type FaultyMethod = keyof AttacheApi;

export interface ContractEnv {
  app: App;
  /** What the adapter under test must be started with. */
  core: AdapterCore;
  /** The next call of `method` throws `error` (an unexpected failure inside core). */
  failNext(method: FaultyMethod, error: Error): void;
  close(): void;
}

/** Builds the app and the fault-injecting core for one contract run. */
export async function createContractEnv(): Promise<ContractEnv> {
  const config = loadConfig({ DATABASE_PATH: ':memory:', SEEDS_DIR, LOG_LEVEL: 'silent', ENGINE: 'extractive' });
  const app = await createApp(config, silentLogger);
  const dir = mkdtempSync(join(tmpdir(), 'attache-contract-'));
  const hostilePath = join(dir, 'zz_prank_notice.txt');
  writeFileSync(hostilePath, HOSTILE_ARTICLE);
  await ingestFiles(app.corpus, [hostilePath]);

  const faults = new Map<FaultyMethod, Error>();
  const check = (method: FaultyMethod) => {
    const error = faults.get(method);
    if (!error) return;
    faults.delete(method);
    throw error;
  };
  const real = app.attache;
  const attache: AttacheApi = {
    async brief(input) {
      check('brief');
      return real.brief(input);
    },
    async ask(input) {
      check('ask');
      return real.ask(input);
    },
    async more(input) {
      check('more');
      return real.more(input);
    },
    async sources() {
      check('sources');
      return real.sources();
    },
    async lastCitations(input) {
      check('lastCitations');
      return real.lastCitations(input);
    },
    async search(text, limit) {
      check('search');
      return real.search(text, limit);
    },
  };

  return {
    app,
    core: { attache, digests: app.digests, logger: silentLogger },
    failNext: (method, error) => faults.set(method, error),
    close() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
