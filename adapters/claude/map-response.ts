import type { Message, TextBlock, TextCitation } from '@anthropic-ai/sdk/resources/messages';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { splitSentences } from '../../core/ingest/split-sentences.ts';
import { collapseWhitespace, containsVerbatim } from '../../core/language/quotes.ts';
import type { DraftBlock, DraftCitation, EngineDraft, EngineRequest } from '../../core/ports/engine.ts';
import type { ReplyStatus } from '../../core/reply.ts';
import { PARTIAL_SENTENCE, REFUSAL_SENTENCE } from './prompt.ts';
import { keepVerifiedQuoteMarks } from './quote-marks.ts';

/** A stretch of the joined reply text and the (accepted) citations Claude attached to it. */
interface Segment {
  start: number;
  end: number;
  citations: DraftCitation[];
}

export interface MappedResponse {
  draft: EngineDraft;
  /** Citations dropped because they named nothing sent in this request or quoted text not in it. */
  rejectedCitations: number;
}

const BULLET = /^(?:[-*•–]|\d{1,2}[.)])\s+/;
const HEADING = /^#{1,6}\s+/;
const EMPHASIS = /\*\*|__|`/g;
const HAS_WORD = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

function passageIndex(citation: TextCitation): number | null {
  switch (citation.type) {
    case 'search_result_location':
      return citation.search_result_index;
    case 'content_block_location':
    case 'char_location':
    case 'page_location':
      return citation.document_index;
    default:
      return null;
  }
}

/**
 * The passage a citation points at, or null when its index lies outside what this request sent or it
 * "quotes" text that passage does not contain. Claude cannot make core cite what was not retrieved.
 */
function resolveCitation(citation: TextCitation, sent: readonly RetrievedPassage[]): DraftCitation | null {
  const index = passageIndex(citation);
  const passage = index === null ? undefined : sent[index];
  if (!passage) return null;
  const cited = citation.cited_text.trim();
  if (cited !== '' && containsVerbatim(passage.text, cited)) return { passageId: passage.id, quote: cited };
  // cited_text may join sentence blocks without the article's spacing: accept the blocks' own text
  // only when it is the same characters, never as a stand-in for text Claude made up.
  const squashed = cited.replace(/\s+/g, '');
  const quote = blockSpans(citation, passage).find((span) => span.replace(/\s+/g, '') === squashed);
  return quote ? { passageId: passage.id, quote } : null;
}

/**
 * The passage text covered by a search-result citation's sentence blocks, rebuilt from the passage itself
 * (end index exclusive; inclusive as a second reading).
 */
function blockSpans(citation: TextCitation, passage: RetrievedPassage): string[] {
  if (citation.type !== 'search_result_location') return [];
  const sentences = splitSentences(passage.text);
  const from = sentences[citation.start_block_index];
  const spans: string[] = [];
  for (const last of [citation.end_block_index - 1, citation.end_block_index]) {
    const to = sentences[last];
    if (from && to && last >= citation.start_block_index) spans.push(passage.text.slice(from.start, to.end));
  }
  return spans;
}

function joinSegments(content: readonly TextBlock[], sent: readonly RetrievedPassage[]) {
  let text = '';
  let rejected = 0;
  const segments: Segment[] = [];
  for (const block of content) {
    const citations: DraftCitation[] = [];
    for (const citation of block.citations ?? []) {
      const resolved = resolveCitation(citation, sent);
      if (resolved) citations.push(resolved);
      else rejected++;
    }
    segments.push({ start: text.length, end: text.length + block.text.length, citations });
    text += block.text;
  }
  return { text, segments, rejected };
}

/** Citations of every segment that shares a word character with [start, end). */
function citationsWithin(text: string, segments: readonly Segment[], start: number, end: number): DraftCitation[] {
  const out: DraftCitation[] = [];
  for (const segment of segments) {
    const from = Math.max(start, segment.start);
    const to = Math.min(end, segment.end);
    if (to <= from || !HAS_WORD.test(text.slice(from, to))) continue;
    for (const citation of segment.citations) {
      if (!out.some((c) => c.passageId === citation.passageId && c.quote === citation.quote)) out.push(citation);
    }
  }
  return out;
}

interface Line {
  start: number;
  end: number;
}

/** Non-empty lines with bullet and heading markers skipped (offsets into text). */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const marker = body.match(HEADING)?.[0] ?? body.match(BULLET)?.[0] ?? '';
    const start = offset + lead + marker.length;
    const end = offset + lead + body.length;
    if (HAS_WORD.test(text.slice(start, end))) lines.push({ start, end });
    offset += raw.length + 1;
  }
  return lines;
}

function cleanText(text: string): string {
  return collapseWhitespace(text.replace(EMPHASIS, ''));
}

/** Letters and digits only, lower-case: compares marker sentences however Claude punctuates or quotes them. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const REFUSAL = bare(REFUSAL_SENTENCE);
const PARTIAL = bare(PARTIAL_SENTENCE);

function titleFrom(request: EngineRequest, headline: string | null): string {
  if (headline) return cleanText(headline).replace(/[“”"«»]/g, '');
  if (request.kind === 'briefing') return request.topic?.trim() || 'Briefing';
  return request.question?.trim() || request.resolvedQuestion?.trim() || 'Answer';
}

/**
 * Turns Claude's reply into a draft: the text blocks are joined and cut into sentences; each sentence carries
 * the accepted citations of the text it overlaps (cited_text is the quote) or none, for core's verifier to drop.
 * A briefing's first line is its headline. Claude's marker sentences set the status: refused or partial.
 */
export function mapResponse(message: Message, request: EngineRequest): MappedResponse {
  const sent = request.passages;
  const textBlocks = message.content.filter((block): block is TextBlock => block.type === 'text');
  const { text, segments, rejected } = joinSegments(textBlocks, sent);
  const usage = {
    inputTokens: message.usage.input_tokens,
    outputTokens: message.usage.output_tokens,
    model: message.model,
  };

  const lines = contentLines(text);
  // A headline is a briefing's first line when more follow and it does not end like a sentence.
  const first = lines[0] ? text.slice(lines[0].start, lines[0].end) : '';
  const isHeadline = request.kind === 'briefing' && lines.length >= 2 && !SENTENCE_END.test(first);
  const headlineLine = isHeadline ? lines.shift() : undefined;
  const headline = headlineLine ? text.slice(headlineLine.start, headlineLine.end) : null;
  let refused = message.stop_reason === 'refusal' || (headline !== null && bare(headline) === REFUSAL);
  let partial = false;
  const blocks: DraftBlock[] = [];
  for (const line of lines) {
    for (const sentence of splitSentences(text.slice(line.start, line.end))) {
      const start = line.start + sentence.start;
      const end = line.start + sentence.end;
      const marker = bare(sentence.text);
      if (marker === REFUSAL) refused = true;
      if (marker === PARTIAL) partial = true;
      if (marker === REFUSAL || marker === PARTIAL) continue;
      const citations = citationsWithin(text, segments, start, end);
      const blockText = cleanText(
        keepVerifiedQuoteMarks(
          sentence.text,
          citations.map((c) => c.quote),
        ),
      );
      if (HAS_WORD.test(blockText)) blocks.push({ text: blockText, citations });
    }
  }
  // A reply cut off by the token cap ends mid-sentence; that fragment is not a claim anyone made.
  const last = blocks.at(-1);
  if (message.stop_reason === 'max_tokens' && last && !SENTENCE_END.test(last.text)) blocks.pop();

  const cited = blocks.filter((b) => b.citations.length > 0);
  let status: ReplyStatus = 'answered';
  if (refused) status = cited.length > 0 && message.stop_reason !== 'refusal' ? 'partial' : 'refused';
  else if (partial) status = 'partial';
  const draft: EngineDraft = {
    engine: 'claude',
    status,
    title: titleFrom(request, headline),
    blocks: status === 'refused' ? [] : blocks,
    usage,
  };
  if (status === 'partial') draft.note = 'The sources answer this only in part.';
  return { draft, rejectedCitations: rejected };
}
