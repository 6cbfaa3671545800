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
  /**
   * Further passages of the story's documents added at most, per answer candidate asked for: 0, the pass is off.
   * At 1/3 it lifts corpus-dev recall@30 from 88 to 95 %, but the answer model, refitted, then answers fewer
   * held-out questions (leave-one-story-out 177 → 175, dev held out refused 64 → 60 of 73; branch
   * s8-c-recall-story-on), so it stays off until the verdict tells the added candidates apart.
   */
  share: 0,
} as const;

/** The share of further passages to add when measuring the pass (`diagnose-recall.ts --story`, the tests). */
export const STORY_PASS_MEASURED = 1 / 3;

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
