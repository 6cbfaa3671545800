/** Raw material for the synthetic corpus: the seed articles' sentences and word frequencies, read through core/ingest. */

import { fileURLToPath } from 'node:url';
import { listSourceFiles, prepareDocument } from '../../core/ingest/ingest-files.ts';
import { readManifest } from '../../core/ingest/manifest.ts';
import { splitSentences } from '../../core/ingest/split-passages.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface SeedMaterial {
  /** Every article sentence of every seed (chrome already stripped by the real ingest). */
  sentences: string[];
  /** Lower-case words of the seeds, most frequent first. */
  rankedWords: string[];
}

/** Reads the seeds with the real ingest pipeline (chrome stripping, passage and sentence splitting). */
export function loadSeedMaterial(seedsDir: string = SEEDS_DIR): SeedMaterial {
  const manifest = readManifest(seedsDir);
  const sentences: string[] = [];
  const counts = new Map<string, number>();
  for (const file of listSourceFiles([seedsDir]).files) {
    const { passages } = prepareDocument(file, manifest);
    for (const passage of passages) {
      for (const sentence of splitSentences(passage.text)) {
        // One- or two-word fragments ("Reuters Archive") make poor recombination material.
        if (sentence.text.split(/\s+/).length >= 5) sentences.push(sentence.text);
        for (const word of sentence.text.toLowerCase().match(/\p{L}+/gu) ?? []) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
        }
      }
    }
  }
  if (sentences.length === 0) throw new Error(`no seed sentences found in ${seedsDir}`);
  const rankedWords = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  return { sentences, rankedWords };
}
