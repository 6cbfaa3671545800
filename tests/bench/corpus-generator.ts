/**
 * Deterministic synthetic news corpus: seed sentences recombined with swapped entities, numbers and dates,
 * mixed with filler sentences drawn from a Zipf-distributed vocabulary (seed words first, then pseudo-words),
 * cut into passages by the real splitter. Same seed and size → byte-identical corpus.
 */

import { createHash } from 'node:crypto';
import type { PassageSpan } from '../../core/corpus.ts';
import { buildArticleText, splitPassages } from '../../core/ingest/split-passages.ts';
import type { NewDocument } from '../../core/ports/corpus-store.ts';
import {
  ACRONYMS,
  DEMONYMS,
  MONTHS,
  ORGANIZATIONS,
  OUTLETS,
  PERSONS,
  PLACES,
  SURNAMES,
  WEEKDAYS,
} from './entity-pools.ts';
import { intBetween, mulberry32, normal, pick, type Random, zipfSampler } from './prng.ts';
import type { SeedMaterial } from './seed-material.ts';

export const DEFAULT_SEED = 20220110;
/** Distinct words in the vocabulary; a 100k-passage news corpus has a vocabulary of this order. */
const VOCABULARY_SIZE = 60_000;
/** Zipf exponent of word frequencies (about 1 for English prose). */
const ZIPF_EXPONENT = 1.05;
/** Share of sentences taken from the seeds (the rest are filler). */
const SEED_SENTENCE_SHARE = 0.45;

export interface SyntheticDocument {
  document: NewDocument;
  passages: PassageSpan[];
}

export interface CorpusGenerator {
  /** Lower-case words, most frequent first. */
  vocabulary: readonly string[];
  /** A word drawn with Zipf frequencies. */
  sampleWord(random: Random): string;
  /** Documents of 5–20 paragraphs until exactly `passageCount` passages have been produced. */
  documents(passageCount: number, idPrefix?: string): Generator<SyntheticDocument>;
}

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'nt', 'st', 'm'];

/** Pseudo-words that pad the seed vocabulary to a realistic size (the seeds hold about 1,500 distinct words). */
function buildVocabulary(seedWords: readonly string[], random: Random): string[] {
  const words = [...seedWords];
  const seen = new Set(words);
  while (words.length < VOCABULARY_SIZE) {
    let word = '';
    const syllables = intBetween(random, 2, 3);
    for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

const SWAP = new RegExp(
  [
    `\\b(?:${ACRONYMS.join('|')})\\b`,
    `\\b(?:${DEMONYMS.join('|')})\\b`,
    // Country and capital names, also at the start of a sentence (where the capitalised-run rule cannot tell).
    '\\b(?:Russia|Moscow|Kremlin|Washington|Ukraine|Kyiv|Geneva|Brussels|Europe)\\b',
    `\\b(?:${WEEKDAYS.join('|')})\\b`,
    `\\b(?:${MONTHS.join('|')})(?: \\d{1,2}\\b)?`,
    '\\b\\d[\\d,]*(?:\\.\\d+)?\\b',
    // A run of capitalised words not at the start of a sentence: a name, place or organisation.
    '(?<=[\\p{Ll},;:] )\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)*',
  ].join('|'),
  'gu',
);

function randomNumberLike(random: Random, original: string): string {
  const digits = original.replace(/\D/g, '').length;
  const value = intBetween(random, digits > 1 ? 10 ** (digits - 1) : 0, 10 ** Math.min(digits, 9) - 1);
  return original.includes(',') ? value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toString();
}

function swapEntity(random: Random, match: string): string {
  if (WEEKDAYS.includes(match)) return pick(random, WEEKDAYS);
  const [head] = match.split(' ');
  if (head !== undefined && MONTHS.includes(head)) {
    return match.includes(' ') ? `${pick(random, MONTHS)} ${intBetween(random, 1, 28)}` : pick(random, MONTHS);
  }
  if (/^\d/.test(match)) return randomNumberLike(random, match);
  // Keep half the names, so seed entities stay frequent (as the news of a week would).
  if (random() < 0.5) return match;
  if (ACRONYMS.includes(match)) return pick(random, ACRONYMS);
  if (DEMONYMS.includes(match)) return pick(random, DEMONYMS);
  if (match.includes(' ')) return pick(random, PERSONS);
  const roll = random();
  if (roll < 0.4) return pick(random, SURNAMES);
  if (roll < 0.8) return pick(random, PLACES);
  return pick(random, ORGANIZATIONS);
}

function isoDate(random: Random): string {
  const start = Date.UTC(2021, 0, 1);
  return new Date(start + intBetween(random, 0, 729) * 86_400_000).toISOString().slice(0, 10);
}

/** Creates a generator; every call of `documents()` restarts from the same seed, so runs are reproducible. */
export function createCorpusGenerator(material: SeedMaterial, seed: number = DEFAULT_SEED): CorpusGenerator {
  const vocabulary = buildVocabulary(material.rankedWords, mulberry32(seed ^ 0x5eed));
  const zipf = zipfSampler(vocabulary.length, ZIPF_EXPONENT);
  const sampleWord = (random: Random): string => vocabulary[zipf(random)] ?? 'the';

  const fillerSentence = (random: Random, topicWords: readonly string[]): string => {
    // Log-normal lengths around 20 words, as in news prose (the seeds average about 26).
    const length = Math.min(45, Math.max(6, Math.round(Math.exp(Math.log(20) + 0.4 * normal(random)))));
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(sampleWord(random));
    const insert = (word: string): void => {
      words.splice(intBetween(random, 1, words.length), 0, word);
    };
    if (random() < 0.6) insert(pick(random, topicWords));
    if (random() < 0.35) insert(random() < 0.5 ? pick(random, PERSONS) : pick(random, PLACES));
    if (random() < 0.15) insert(String(intBetween(random, 2, 5000)));
    if (random() < 0.3) {
      const at = intBetween(random, 2, words.length - 2);
      words[at] = `${words[at]},`;
    }
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  const seedSentence = (random: Random): string =>
    pick(random, material.sentences).replace(SWAP, (match) => swapEntity(random, match));

  function* documents(passageCount: number, idPrefix = 'bench'): Generator<SyntheticDocument> {
    const random = mulberry32(seed);
    let produced = 0;
    for (let index = 0; produced < passageCount; index++) {
      const topicWords = Array.from({ length: 3 }, () => vocabulary[intBetween(random, 200, 5000)] ?? 'talks');
      const paragraphs: string[] = [];
      const paragraphCount = intBetween(random, 5, 20);
      for (let p = 0; p < paragraphCount; p++) {
        const sentences: string[] = [];
        const sentenceCount = intBetween(random, 1, 3);
        for (let s = 0; s < sentenceCount; s++) {
          sentences.push(random() < SEED_SENTENCE_SHARE ? seedSentence(random) : fillerSentence(random, topicWords));
        }
        paragraphs.push(sentences.join(' '));
      }
      const articleText = buildArticleText(paragraphs);
      const passages = splitPassages(articleText).slice(0, passageCount - produced);
      produced += passages.length;
      const headline = (paragraphs[0] ?? 'Untitled').slice(0, 90).replace(/\s+\S*$/, '');
      yield {
        document: {
          id: `${idPrefix}-${index.toString().padStart(7, '0')}`,
          title: headline,
          outlet: pick(random, OUTLETS),
          author: random() < 0.5 ? pick(random, PERSONS) : null,
          publishedAt: isoDate(random),
          url: null,
          language: 'en',
          articleText,
          contentHash: createHash('sha256').update(articleText).digest('hex'),
          sourcePath: null,
        },
        passages,
      };
    }
  }

  return { vocabulary, sampleWord, documents };
}
