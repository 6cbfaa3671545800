/**
 * For "when" questions: the calendar date next to the relative wording a block cites
 * ("on Sunday (9 January 2022) [2]"), resolved against the cited article's publication date.
 */
import { formatDateRange, resolveDates } from '../language/dates.ts';
import type { Block, Citation } from '../reply.ts';

/** Questions about a time: "When did…", "What day…", "On what date…", "Which day…". */
const TIME_QUESTION = /\bwhen\b|\bwhat (?:day|date|time)\b|\bwhich (?:day|date)\b|\bhow long ago\b/i;

export function asksWhen(question: string | undefined): boolean {
  return question !== undefined && TIME_QUESTION.test(question);
}

/** Whether `at` falls inside a double-quoted span of `text` (a verbatim quotation must stay untouched). */
function insideQuotation(text: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === '"' || ch === '“' || (ch === '”' && open)) open = !open;
  }
  return open;
}

const TRAILING_MARKERS = /(\s*(?:\[\d+\])+)\s*$/;

/**
 * The block with each relative date of its cited quotes resolved: inserted after the same words in
 * the block when they stand outside a quotation, else added before the block's citation markers.
 */
export function resolveBlockDates(block: Block, citations: ReadonlyMap<number, Citation>): Block {
  let text = block.text;
  const added = new Set<string>();
  for (const n of block.citations) {
    const citation = citations.get(n);
    if (!citation) continue;
    for (const mention of resolveDates(citation.quote, citation.publishedAt)) {
      if (!mention.relative) continue;
      const date = formatDateRange(mention.from, mention.to);
      if (added.has(date) || text.includes(date)) continue;
      added.add(date);
      const at = text.toLowerCase().indexOf(mention.text.toLowerCase());
      if (at >= 0 && !insideQuotation(text, at)) {
        const end = at + mention.text.length;
        text = `${text.slice(0, end)} (${date})${text.slice(end)}`;
        continue;
      }
      const markers = TRAILING_MARKERS.exec(text);
      const body = markers ? text.slice(0, markers.index) : text;
      text = `${body} (${mention.text.trim()}: ${date})${markers ? markers[1] : ''}`;
    }
  }
  return text === block.text ? block : { ...block, text };
}
