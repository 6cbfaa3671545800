/** Keeps quotation marks in Claude's prose only where they surround words a citation quotes verbatim. */
import { containsVerbatim } from '../../core/language/quotes.ts';

const QUOTED = /“([^“”\n]*)”|"([^"\n]*)"|«([^«»\n]*)»/g;
const STRAY_MARKS = /[“”"«»]/g;

/**
 * Removes quotation marks around spans that no citation quotes verbatim, and unpaired marks, so a reader
 * never mistakes Claude's paraphrase for a source's words. Quoted spans found in `quotes` stay as written.
 */
export function keepVerifiedQuoteMarks(text: string, quotes: readonly string[]): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? '';
    out += text.slice(cursor, match.index).replace(STRAY_MARKS, '');
    out += quotes.some((quote) => containsVerbatim(quote, inner)) ? match[0] : inner;
    cursor = match.index + match[0].length;
  }
  return out + text.slice(cursor).replace(STRAY_MARKS, '');
}
