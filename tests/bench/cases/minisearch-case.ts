import MiniSearch from 'minisearch';
import { passageId } from '../../../core/corpus.ts';
import { tokenize } from '../../../core/language/tokenize.ts';
import type { CorpusGenerator, SyntheticDocument } from '../corpus-generator.ts';
import type { QuerySet } from '../queries.ts';
import type { SearchCaseResult } from '../results.ts';
import { currentRssMb, heapUsedMb, peakRssMb, timeEach } from '../stats.ts';
import { ingestFigures, ingestInBatches } from './ingest-batches.ts';

interface IndexedPassage {
  id: string;
  text: string;
}

const BATCH_PASSAGES = 2_000;
const SEARCH_OPTIONS = { combineWith: 'OR', prefix: false, fuzzy: false } as const;

/**
 * The in-memory comparison: MiniSearch over the same passages (field `text`), queried with the same terms
 * core/retrieval extracts (stop-words dropped; no alias expansion), OR-combined, prefix and fuzzy off, top 10.
 */
export async function runMiniSearchCase(
  generator: CorpusGenerator,
  passageCount: number,
  queries: QuerySet,
): Promise<SearchCaseResult> {
  const baselineRssMb = currentRssMb();
  const heapBefore = heapUsedMb();
  const index = new MiniSearch<IndexedPassage>({ fields: ['text'], idField: 'id' });
  const save = (batch: readonly SyntheticDocument[]): void => {
    index.addAll(
      batch.flatMap(({ document, passages }) =>
        passages.map((p) => ({ id: passageId(document.id, p.ordinal), text: p.text })),
      ),
    );
  };
  const totals = ingestInBatches(generator, passageCount, BATCH_PASSAGES, save);
  if (index.documentCount !== totals.passages) {
    throw new Error(`indexed ${index.documentCount} passages, expected ${totals.passages}`);
  }
  const sizeMb = heapUsedMb() - heapBefore;
  let hits = 0;
  const run = (text: string): void => {
    const terms = tokenize(text);
    if (terms.length > 0) hits += index.search(terms.join(' '), SEARCH_OPTIONS).slice(0, 10).length;
  };
  await timeEach(queries.warmup, run);
  hits = 0;
  const short = await timeEach(queries.short, run);
  const long = await timeEach(queries.long, run);
  return {
    kind: 'search',
    engine: 'minisearch',
    ...ingestFigures(totals),
    short,
    long,
    sizeMb,
    sizeKind: 'heap',
    baselineRssMb,
    peakRssMb: peakRssMb(),
    meanHits: hits / (short.n + long.n),
  };
}
