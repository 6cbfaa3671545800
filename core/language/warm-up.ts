import { resolveDates } from './dates.ts';
import { lemma } from './lemma.ts';
import { parse } from './parse.ts';
import { relatedWords } from './wordnet.ts';

/** Made-up lines parsed for dates at warm-up. */
const WARM_UP_DATES = 40;

/**
 * Loads the text-analysis layer's data (WordNet's word lists, the tagger's English model, the WordNet index) and
 * runs chrono-node until the engine has optimised it (its first parses cost milliseconds each, later ones well
 * under one), so the first question does not wait for them. Call after start-up has printed its first output: it
 * blocks for about a second. Date results are memoised by text, so the made-up lines change no reply.
 */
export function warmUpLanguage(): void {
  lemma('met');
  parse('Who met whom?');
  relatedWords('meet');
  for (let i = 0; i < WARM_UP_DATES; i++) {
    const day = 1 + (i % 28);
    resolveDates(
      `Envoys met ${i} times on Monday, ${day} March 2031, and again next week at ${i % 12} am.`,
      '2031-03-05',
    );
    resolveDates(
      `The talks, which ended ${i} days ago, lasted two hours, the ministry said on ${day} May.`,
      '2031-03-05',
    );
  }
}
