import { splitSentences } from '../ingest/split-passages.ts';
import { type Word, words } from '../language/words.ts';
import { type NameRun, nameRuns } from './name-runs.ts';

export interface AnalyzedSentence {
  /** Offsets in the analysed text. */
  start: number;
  end: number;
  text: string;
  words: Word[];
  runs: NameRun[];
}

export interface AnalyzedText {
  text: string;
  sentences: AnalyzedSentence[];
}

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const CAPITALISED = /^\p{Lu}/u;

/** Words written capitalised away from the start of a sentence or quotation: the text's own names. */
function nameWords(sentences: readonly { text: string; words: Word[] }[]): Set<string> {
  const out = new Set<string>();
  for (const { text, words: ws } of sentences) {
    for (const w of ws.slice(1)) {
      if (CAPITALISED.test(w.text) && !/[.!?:"“]\s*$/.test(text.slice(Math.max(0, w.start - 3), w.start))) {
        out.add(w.lower.replace(/'s$/, ''));
      }
    }
  }
  return out;
}

/** Splits a text into sentences with their words and capitalised names. */
export function analyzeText(text: string): AnalyzedText {
  const split = splitSentences(text).map((s) => ({ ...s, words: words(s.text) }));
  const names = nameWords(split);
  const sentences = split.map((s) => ({ ...s, runs: nameRuns(s.text, (w) => names.has(w), s.words) }));
  return { text, sentences };
}

const MAX_CACHED = 20_000;
const cache = new Map<string, AnalyzedText>();

/**
 * The analysis of a stored passage, memoised by passage id (and checked against the text, so a
 * re-ingested passage is analysed again). Passages are immutable, so this is a pure cache.
 */
export function analyzePassage(passage: { id: string; text: string }): AnalyzedText {
  const hit = cache.get(passage.id);
  if (hit && hit.text === passage.text) return hit;
  const analysis = analyzeText(passage.text);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(passage.id, analysis);
  return analysis;
}

/** The analysis of a passage when `analyzePassage` already holds it, else undefined: for callers that can do without. */
export function cachedAnalysis(passage: { id: string; text: string }): AnalyzedText | undefined {
  const hit = cache.get(passage.id);
  return hit && hit.text === passage.text ? hit : undefined;
}
