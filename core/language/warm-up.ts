import { resolveDates } from './dates.ts';
import { lemma } from './lemma.ts';
import { parse } from './parse.ts';
import { relatedWords } from './wordnet.ts';

/**
 * Loads the text-analysis layer's data (WordNet's word lists, the tagger's English model, the WordNet index, the
 * date parser) so the first question does not wait for it. Call after start-up has printed its first output: it
 * blocks for about a second.
 */
export function warmUpLanguage(): void {
  lemma('met');
  parse('Who met whom?');
  relatedWords('meet');
  resolveDates('They met on Monday.', '2024-01-10');
}
