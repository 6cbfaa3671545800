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

/** The parts of a Reply that its plain text is made of. */
export type TextParts = Pick<Reply, 'kind' | 'title' | 'blocks' | 'reason' | 'coverage' | 'note'>;

/**
 * The plain-text rendering of a Reply (its `text`): title, blocks (bulleted in a briefing), the reason
 * and what the corpus covers, then the note. Each part appears once.
 */
export function renderText(reply: TextParts): string {
  const bullet = reply.kind === 'briefing' ? '• ' : '';
  const parts = [reply.title];
  if (reply.blocks.length > 0) parts.push(reply.blocks.map((b) => `${bullet}${b.text}`).join('\n'));
  const why = [reply.reason, reply.coverage].filter(Boolean).join(' ');
  if (why) parts.push(why);
  if (reply.note) parts.push(reply.note);
  return parts.join('\n\n');
}

/** The title of a reply with nothing to show. */
export function refusalTitle(kind: ReplyKind): string {
  return kind === 'briefing' ? 'No briefing on that' : 'Not in the sources';
}

/**
 * A reply with nothing to show: its title, why, and what the corpus does cover (left out when it
 * only repeats the reason). The title never echoes the user's words (they may carry markup).
 */
export function refusedReply(input: {
  kind: ReplyKind;
  engine: EngineName;
  reason: string;
  coverage?: string | undefined;
  title?: string | undefined;
  note?: string | undefined;
}): Reply {
  const reason = collapseWhitespace(input.reason);
  const coverage = input.coverage ? collapseWhitespace(input.coverage) : '';
  const parts: TextParts = {
    kind: input.kind,
    title: input.title ?? refusalTitle(input.kind),
    blocks: [],
    ...(reason ? { reason } : {}),
    ...(coverage && coverage !== reason ? { coverage } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  return {
    ...parts,
    status: 'refused',
    text: renderText(parts),
    citations: [],
    engine: input.engine,
    asOf: null,
  };
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
  const remark = parts.note ? dropUnverifiedQuoteMarks(collapseWhitespace(parts.note), quotes) : undefined;
  const status: ReplyStatus = blocks.length === 0 ? 'refused' : parts.status;
  // An engine's note on a reply that does not fully answer says why: that is the reply's reason.
  const said = remark ? (status === 'answered' ? { note: remark } : { reason: remark }) : {};
  const dates = citations.map((c) => c.publishedAt).filter((d): d is string => Boolean(d));
  return {
    kind: parts.kind,
    status,
    title,
    text: renderText({ kind: parts.kind, title, blocks, ...said }),
    blocks,
    citations,
    engine: parts.engine,
    asOf: dates.length > 0 ? (dates.sort().at(-1) ?? null) : null,
    ...said,
  };
}
