import { contentStems } from '../language/words.ts';
import type { ConversationTurn } from '../ports/conversation-store.ts';
import type { DraftBlock } from '../ports/engine.ts';

/** Share of shared content words from which two texts count as saying the same thing. */
const SAME = 0.7;

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / smaller >= SAME;
}

/**
 * A filter dropping blocks that repeat what the conversation already showed (a quote cited in an
 * earlier turn, in other words), so "more" never shows the same claim twice.
 */
export function notShownBefore(history: readonly ConversationTurn[]): (block: DraftBlock) => boolean {
  const shown = history.flatMap((t) => (t.citations ?? []).map((c) => new Set(contentStems(c.quote))));
  return (block) => {
    const texts = [block.text, ...block.citations.map((c) => c.quote)].map((t) => new Set(contentStems(t)));
    return !texts.some((t) => shown.some((s) => similar(t, s)));
  };
}
