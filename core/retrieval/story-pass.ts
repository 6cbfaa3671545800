import type { RetrievedPassage } from '../corpus.ts';
import { STORY, storyDocuments } from '../pipeline/story-documents.ts';
import type { PhraseGroups } from '../ports/corpus-store.ts';

/**
 * The same-story pass. A news question names its story with a few words (the people, the place, the event) that
 * an article says once, in its lead, while the sentence that answers says "he", "the deal", "the session": BM25
 * over single passages ranks such a sentence below passages of other stories that repeat the question's common
 * words. So a deeper search is read as a set of documents, the story's documents are found the way a topic
 * briefing finds them (`storyDocuments`: the question's words weighted by how few of the hit documents hold them),
 * and their further hits join the candidates AFTER the ordinary ones: they add candidates, never displace them.
 */
export const STORY_PASS = {
  /** Hits searched for the story's documents and their further passages, per answer candidate asked for. */
  depth: 4,
  /** Further passages of the story's documents added at most, per answer candidate asked for. */
  share: 1 / 3,
} as const;

/**
 * Passages of `deep` (a deeper ranking of the same search, best first) that are not `taken`, whose document is one
 * of the story's documents among them: best first, at most `max`. Their score is kept (the engine reads it as
 * retrieval strength, and each is below every ordinary hit's).
 */
export function storyExtras(
  deep: readonly RetrievedPassage[],
  groups: PhraseGroups,
  taken: ReadonlySet<string>,
  max: number,
): RetrievedPassage[] {
  if (max <= 0 || deep.length === 0) return [];
  const story = new Set(storyDocuments(deep, groups, STORY.coverShare));
  const out: RetrievedPassage[] = [];
  for (const p of deep) {
    if (out.length >= max) break;
    if (!taken.has(p.id) && story.has(p.documentId)) out.push(p);
  }
  return out;
}
