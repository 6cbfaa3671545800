import type { Citation, Reply } from '../../core/reply.ts';
import { foldForMatch, normalizeSpace, type SeedText } from './seed-text.ts';

/** What the citation checks need to know about the corpus the app holds. */
export interface CitationContext {
  /** The stored article text of a document, or null when the document is unknown. */
  articleText(documentId: string): string | null;
  /** The document a passage belongs to, or null when the passage is unknown. */
  passageDocument(passageId: string): string | null;
  /** Raw seed files with their article regions; documents that are not seeds are checked against their text only. */
  seeds: ReadonlyMap<string, SeedText>;
}

export interface CitationProblem {
  citation: Citation;
  reason: string;
}

/** True when any phrase occurs in the text (case-insensitive, whitespace-normalised, straight or curly quotes). */
export function containsAny(text: string, phrases: readonly string[]): boolean {
  const haystack = foldForMatch(text);
  return phrases.some((phrase) => haystack.includes(foldForMatch(phrase)));
}

/**
 * An answer is correct when it is `answered` and a citation quote, or the text of a cited block, holds an
 * expected phrase; with `documents`, that quote or block must cite one of those documents.
 */
export function answerMatches(reply: Reply, expect: readonly string[], documents?: readonly string[]): boolean {
  if (reply.status !== 'answered') return false;
  const acceptable = (citation: Citation | undefined) =>
    citation !== undefined && (documents === undefined || documents.includes(citation.documentId));
  const byNumber = new Map(reply.citations.map((c) => [c.n, c]));
  if (reply.citations.some((c) => acceptable(c) && containsAny(c.quote, expect))) return true;
  return reply.blocks.some(
    (block) => block.citations.some((n) => acceptable(byNumber.get(n))) && containsAny(block.text, expect),
  );
}

/** A refusal-type reply for an unanswerable question: `refused` or `partial`, never `answered`. */
export function declined(reply: Reply): boolean {
  return reply.status === 'refused' || reply.status === 'partial';
}

/** True when a chrome phrase shows up anywhere the reader would see it (text, blocks or quotes). */
export function showsChrome(reply: Reply, chrome: readonly string[]): boolean {
  return [reply.text, ...reply.blocks.map((b) => b.text), ...reply.citations.map((c) => c.quote)].some((text) =>
    containsAny(text, chrome),
  );
}

/**
 * Checks one citation: its passage belongs to its document, and its quote (whitespace aside) is a span of the
 * stored article text, of the raw seed file, and of one of the seed's article regions (not page chrome).
 */
export function citationProblem(citation: Citation, context: CitationContext): string | null {
  const quote = normalizeSpace(citation.quote);
  if (quote === '') return 'empty quote';
  const article = context.articleText(citation.documentId);
  if (article === null) return 'unknown document';
  if (context.passageDocument(citation.passageId) !== citation.documentId) return 'passage not of this document';
  if (!normalizeSpace(article).includes(quote)) return 'not in the article text';
  const seed = context.seeds.get(citation.documentId);
  if (seed === undefined) return null;
  if (!seed.raw.includes(quote)) return 'not in the raw seed file';
  if (!seed.articleRegions.some((region) => region.includes(quote))) return 'in page chrome';
  return null;
}

/** Every citation of the reply that fails `citationProblem`, with the reason. */
export function citationProblems(reply: Reply, context: CitationContext): CitationProblem[] {
  return reply.citations.flatMap((citation) => {
    const reason = citationProblem(citation, context);
    return reason === null ? [] : [{ citation, reason }];
  });
}

/** Blocks of an answered or partial reply that cite nothing, or cite a number the reply does not define. */
export function uncitedBlocks(reply: Reply): number {
  if (reply.status === 'refused') return 0;
  const numbers = new Set(reply.citations.map((c) => c.n));
  return reply.blocks.filter((b) => b.citations.length === 0 || b.citations.some((n) => !numbers.has(n))).length;
}

/** Spans a block's text puts in double quotation marks (“…” or "…"). */
export function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const match of text.matchAll(/“([^“”]+)”|"([^"]+)"/g)) {
    const span = normalizeSpace(match[1] ?? match[2] ?? '');
    if (span !== '') spans.push(span);
  }
  return spans;
}

/** Characters of the blocks' text, [n] markers included. */
export function blockChars(reply: Reply): number {
  return reply.blocks.reduce((sum, block) => sum + block.text.length, 0);
}

/** Nearest-rank percentile (p in 0..100) of the values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
