import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** A raw seed file split, by hand-marked line ranges, into its article body and its page chrome. */
export interface SeedText {
  id: string;
  /** The raw file, whitespace-normalised. */
  raw: string;
  /** Each article region (a run of body lines), whitespace-normalised. */
  articleRegions: string[];
  /** Each non-blank line outside the article regions (navigation, lists of other stories, captions, credits). */
  chromeLines: string[];
}

/** `{ documentId: [[firstLine, lastLine], ...] }`, 1-based and inclusive. */
export type ArticleRegions = Record<string, [number, number][]>;

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Module constants: a \p{…} literal is rebuilt on every call under the esbuild target.
const COMBINING_MARK = /\p{M}/gu;
const DASH = /[\u2010-\u2015\u2212]/g;

/**
 * The loose form used to match expected phrases: whitespace-normalised, lower case, accents dropped ("Dolmabahçe"
 * matches "Dolmabahce"), typographic quotes and dashes as their plain forms. Spelling only: no words are dropped
 * or stemmed, so a phrase still has to be stated in the sources' own words.
 */
export function foldForMatch(text: string): string {
  return normalizeSpace(text.normalize('NFKD').replace(COMBINING_MARK, ''))
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(DASH, '-');
}

/** Reads every seed `.txt` file and splits it by its article regions; a seed without regions is an error. */
export function loadSeedTexts(seedsDir: string, regions: ArticleRegions): Map<string, SeedText> {
  const seeds = new Map<string, SeedText>();
  for (const file of readdirSync(seedsDir).filter((name) => extname(name) === '.txt')) {
    const id = basename(file, '.txt');
    const ranges = regions[id];
    if (!ranges) throw new Error(`tests/eval: no article regions for seed ${id}`);
    const raw = readFileSync(join(seedsDir, file), 'utf8');
    const lines = raw.split(/\r?\n/);
    const inArticle = new Set<number>();
    const articleRegions = ranges.map(([first, last]) => {
      if (first < 1 || last > lines.length || first > last) {
        throw new Error(`tests/eval: region ${first}-${last} of ${id} is outside its ${lines.length} lines`);
      }
      for (let n = first; n <= last; n++) inArticle.add(n);
      return normalizeSpace(lines.slice(first - 1, last).join('\n'));
    });
    const chromeLines = lines
      .map((line, index) => ({ line: normalizeSpace(line), n: index + 1 }))
      .filter(({ line, n }) => line !== '' && !inArticle.has(n))
      .map(({ line }) => line);
    seeds.set(id, { id, raw: normalizeSpace(raw), articleRegions, chromeLines });
  }
  return seeds;
}

/** True when the phrase (loosely matched) occurs in an article region of the seed. */
export function inArticle(seed: SeedText, phrase: string): boolean {
  const needle = foldForMatch(phrase);
  return seed.articleRegions.some((region) => foldForMatch(region).includes(needle));
}

/** True when the phrase (loosely matched) occurs in a chrome line of the seed. */
export function inChrome(seed: SeedText, phrase: string): boolean {
  const needle = foldForMatch(phrase);
  return seed.chromeLines.some((line) => foldForMatch(line).includes(needle));
}
