import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';
import { foldCase } from './fold.ts';

/**
 * Part-of-speech tagging, lemmas and entity spans (dates, durations, numbers…) from wink-nlp with its English
 * model, loaded on first use (about 0.2 s) and read offline. Used once per question: the tagger tells a verb
 * from a noun where word shapes cannot ("who heads", "how many ships need").
 */

/** One token with its Universal Dependencies part of speech (VERB, AUX, NOUN, PROPN, ADJ, NUM, DET…). */
export interface TaggedToken {
  text: string;
  /** Lower case, diacritics folded. */
  lower: string;
  lemma: string;
  pos: string;
}

/** An entity span wink-nlp recognises: DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT… */
export interface TaggedEntity {
  text: string;
  type: string;
}

export interface Parsed {
  tokens: TaggedToken[];
  entities: TaggedEntity[];
}

// The English model is 4 MB: read on the first question, not at start-up.
const load = createRequire(import.meta.url);
let nlp: WinkMethods | null = null;

/** Tags a short text (a question or a sentence). */
export function parse(text: string): Parsed {
  nlp ??= (load('wink-nlp') as (model: Model) => WinkMethods)(load('wink-eng-lite-web-model') as Model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out(its.value);
  const pos = doc.tokens().out(its.pos);
  // The typings give `lemma` an add-on parameter `out` never passes; at run time it is an ordinary its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
  const tokens = words.map((w, i) => ({
    text: w,
    lower: foldCase(w),
    lemma: foldCase(lemmas[i] ?? w),
    pos: pos[i] ?? 'X',
  }));
  const entities = doc
    .entities()
    .out(its.detail)
    .map((e) => ({ text: (e as { value: string }).value, type: (e as { type: string }).type }));
  return { tokens, entities };
}
