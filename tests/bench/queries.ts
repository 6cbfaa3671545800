/** Deterministic benchmark queries drawn from the corpus vocabulary and the entity pools. */

import { tokenize } from '../../core/language/tokenize.ts';
import type { CorpusGenerator } from './corpus-generator.ts';
import { PLACES, SURNAMES } from './entity-pools.ts';
import { intBetween, mulberry32, pick, type Random } from './prng.ts';

export interface QuerySet {
  /** Run first, untimed, to warm caches and the JIT. */
  warmup: string[];
  /** 1–3 words: what people type into a search box. */
  short: string[];
  /** 10–15 words (stop-words included, as in a spoken question). */
  long: string[];
}

const QUERY_SEED = 0x9e3779b9;

/** A word a searcher would type: a name or place, or a Zipf-drawn vocabulary word that is not a stop-word. */
function contentWord(generator: CorpusGenerator, random: Random): string {
  if (random() < 0.4) return random() < 0.5 ? pick(random, SURNAMES) : pick(random, PLACES);
  for (let attempt = 0; attempt < 20; attempt++) {
    const word = generator.sampleWord(random);
    if (tokenize(word).length > 0) return word;
  }
  return pick(random, PLACES);
}

function shortQuery(generator: CorpusGenerator, random: Random): string {
  return Array.from({ length: intBetween(random, 1, 3) }, () => contentWord(generator, random)).join(' ');
}

function longQuery(generator: CorpusGenerator, random: Random): string {
  const length = intBetween(random, 10, 15);
  const words = Array.from({ length }, () =>
    random() < 0.3 ? contentWord(generator, random) : generator.sampleWord(random),
  );
  return words.join(' ');
}

/** `count` short and `count` long queries plus a warm-up set; the same for every engine and run. */
export function buildQueries(generator: CorpusGenerator, count = 300): QuerySet {
  const random = mulberry32(QUERY_SEED);
  const warmup = Array.from({ length: 60 }, (_, i) =>
    i % 2 === 0 ? shortQuery(generator, random) : longQuery(generator, random),
  );
  const short = Array.from({ length: count }, () => shortQuery(generator, random));
  const long = Array.from({ length: count }, () => longQuery(generator, random));
  return { warmup, short, long };
}
