/** Test helpers: the seed corpus in an in-memory database, retrieval through core, and a log buffer. */
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { searchPassages } from '../../core/retrieval/search-passages.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';

export const SEEDS_PATH = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** A throwaway key shaped like a real one, so a leak would be easy to spot. */
export const TEST_API_KEY = 'sk-ant-test-0123456789abcdefKEYMUSTNOTLEAK';

export async function seededCorpus() {
  const database = openDatabase(':memory:');
  const corpus = createCorpusRepository(database.db);
  await ingestFiles(corpus, [SEEDS_PATH]);
  return {
    database,
    corpus,
    /** What core's retrieval returns for a text: the only passages an engine may cite. */
    retrieve: async (text: string, limit = 4): Promise<RetrievedPassage[]> =>
      (await searchPassages(corpus, text, limit)).passages,
  };
}

/** A real pino logger writing JSON lines into memory, to prove what reaches the logs. */
export function bufferLogger(): { logger: pino.Logger; output: () => string } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, output: () => lines.join('') };
}
