import type { RetrievedPassage } from '../corpus.ts';
import { collapseWhitespace, containsVerbatim, quotedSpans } from '../language/quotes.ts';
import type { DraftBlock } from '../ports/engine.ts';
import type { Block, Citation, EngineName, Reply, ReplyKind, ReplyStatus } from '../reply.ts';

export interface ReplyParts {
  kind: ReplyKind;
  status: ReplyStatus;
  title: string;
  /** Verified blocks (see core/grounding); their citations point into `passages`. */
  blocks: readonly DraftBlock[];
  engine: EngineName;
  note?: string | undefined;
}

/** Removes quotation marks around text that is not a verbatim span of the cited quotes (titles, notes). */
export function dropUnverifiedQuoteMarks(text: string, quotes: readonly string[]): string {
  const unverified = quotedSpans(text).some((span) => !quotes.some((q) => containsVerbatim(q, span)));
  return unverified ? text.replace(/["“”]/g, '') : text;
}

/** The plain-text rendering of a Reply (its `text`): title, blocks (bulleted in a briefing), then the note. */
export function renderText(reply: Pick<Reply, 'kind' | 'title' | 'blocks' | 'note'>): string {
  const bullet = reply.kind === 'briefing' ? '• ' : '';
  const parts = [reply.title];
  if (reply.blocks.length > 0) parts.push(reply.blocks.map((b) => `${bullet}${b.text}`).join('\n'));
  if (reply.note) parts.push(reply.note);
  return parts.join('\n\n');
}

/**
 * Builds the Reply from verified blocks: citations numbered 1..n in order of first use
 * (the same passage and quote keep one number), " [n][m]" appended to each block, and
 * asOf the newest publication date among the cited documents.
 */
export function buildReply(parts: ReplyParts, passages: ReadonlyMap<string, RetrievedPassage>): Reply {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  const blocks: Block[] = parts.blocks.map((block) => {
    const used: number[] = [];
    for (const c of block.citations) {
      const passage = passages.get(c.passageId);
      if (!passage) continue;
      const key = `${c.passageId}\u0000${collapseWhitespace(c.quote)}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = citations.length + 1;
        numbers.set(key, n);
        const { document } = passage;
        citations.push({
          n,
          documentId: passage.documentId,
          passageId: passage.id,
          quote: c.quote,
          outlet: document.outlet,
          title: document.title,
          publishedAt: document.publishedAt,
          url: document.url,
        });
      }
      if (!used.includes(n)) used.push(n);
    }
    return { text: `${block.text} ${used.map((n) => `[${n}]`).join('')}`, citations: used };
  });
  const quotes = citations.map((c) => c.quote);
  const title = dropUnverifiedQuoteMarks(collapseWhitespace(parts.title), quotes);
  const note = parts.note ? dropUnverifiedQuoteMarks(collapseWhitespace(parts.note), quotes) : undefined;
  const dates = citations.map((c) => c.publishedAt).filter((d): d is string => Boolean(d));
  return {
    kind: parts.kind,
    status: blocks.length === 0 ? 'refused' : parts.status,
    title,
    text: renderText({ kind: parts.kind, title, blocks, note }),
    blocks,
    citations,
    engine: parts.engine,
    asOf: dates.length > 0 ? (dates.sort().at(-1) ?? null) : null,
    ...(note ? { note } : {}),
  };
}
