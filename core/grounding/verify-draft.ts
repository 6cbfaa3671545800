import type { RetrievedPassage } from '../corpus.ts';
import { collapseWhitespace, containsVerbatim, quotedSpans } from '../language/quotes.ts';
import type { DraftBlock, DraftCitation, EngineDraft } from '../ports/engine.ts';

/** Why a block was dropped. */
export type DropReason =
  | 'empty_text'
  | 'no_citation'
  | 'unknown_passage'
  | 'quote_not_in_passage'
  | 'quoted_text_not_in_sources';

export interface DroppedBlock {
  block: DraftBlock;
  reason: DropReason;
}

export interface VerifiedDraft {
  /** The blocks that passed, in draft order, with citations deduplicated. */
  blocks: DraftBlock[];
  dropped: DroppedBlock[];
}

/** Strips [n] markers an engine may have written; core numbers citations itself. */
function withoutMarkers(text: string): string {
  return text.replace(/\s*\[\d+\]/g, '').trim();
}

function checkBlock(block: DraftBlock, passages: ReadonlyMap<string, RetrievedPassage>): DropReason | null {
  if (block.citations.length === 0) return 'no_citation';
  for (const citation of block.citations) {
    const passage = passages.get(citation.passageId);
    if (!passage) return 'unknown_passage';
    if (!containsVerbatim(passage.text, citation.quote)) return 'quote_not_in_passage';
  }
  // Quotation marks promise the reader the words are the source's own.
  for (const span of quotedSpans(block.text)) {
    if (!block.citations.some((c) => containsVerbatim(c.quote, span))) return 'quoted_text_not_in_sources';
  }
  return null;
}

function uniqueCitations(citations: readonly DraftCitation[]): DraftCitation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.passageId}\u0000${collapseWhitespace(c.quote)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The grounding rules every engine's draft must pass before it leaves core: a block needs at
 * least one citation; every citation must point to a passage retrieved for this request and
 * quote a verbatim span of it (whitespace aside); every span of the block's text inside
 * quotation marks must be a verbatim span of one of its cited quotes. A failing block is dropped.
 */
export function verifyDraft(draft: Pick<EngineDraft, 'blocks'>, retrieved: readonly RetrievedPassage[]): VerifiedDraft {
  const passages = new Map(retrieved.map((p) => [p.id, p]));
  const blocks: DraftBlock[] = [];
  const dropped: DroppedBlock[] = [];
  for (const raw of draft.blocks) {
    const block = { text: withoutMarkers(raw.text), citations: uniqueCitations(raw.citations) };
    const reason = block.text === '' ? 'empty_text' : checkBlock(block, passages);
    if (reason) dropped.push({ block: raw, reason });
    else blocks.push(block);
  }
  return { blocks, dropped };
}
