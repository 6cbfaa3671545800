import type { FeedStore, StoryRecord } from '../ports/feed-store.ts';
import { minhashSignature, similarity } from './minhash.ts';

/** Shingle overlap above which two articles are copies of one story (wire copy lightly edited by each outlet). */
const SAME_STORY = 0.5;
/** How far back a new article is compared with stored ones. */
const WINDOW_DAYS = 14;
const WINDOW_LIMIT = 5_000;
/** LSH bands of the 64-value signature: pairs at 0.5 similarity share a band with probability ≈ 0.98. */
const BANDS = 16;

export interface StoryInput {
  id: string;
  articleText: string;
  canonicalUrl: string | null;
}

export interface StoryMatcher {
  /**
   * Gives each document its story: the story it already has, else that of the most similar article of the last
   * two weeks when the texts are near-identical, else a new story named after the document. One write for all.
   */
  assign(documents: readonly StoryInput[]): Promise<string[]>;
}

function bandKeys(signature: readonly number[]): string[] {
  const rows = Math.floor(signature.length / BANDS);
  return Array.from({ length: BANDS }, (_, b) => `${b}:${signature.slice(b * rows, (b + 1) * rows).join(',')}`);
}

/**
 * A matcher for one pass (a poll or an ingest): the recent stories' signatures are read once and indexed in
 * memory by LSH bands, and every assigned document joins the index, so n articles cost one read and O(n) work.
 */
export function createStoryMatcher(store: FeedStore, now: () => Date): StoryMatcher {
  let index: Promise<{ byBand: Map<string, StoryRecord[]> }> | null = null;
  const add = (byBand: Map<string, StoryRecord[]>, story: StoryRecord): void => {
    for (const key of bandKeys(story.signature)) {
      const list = byBand.get(key);
      if (list) list.push(story);
      else byBand.set(key, [story]);
    }
  };
  const load = async () => {
    const since = new Date(now().getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const byBand = new Map<string, StoryRecord[]>();
    for (const story of await store.recentStories(since, WINDOW_LIMIT)) add(byBand, story);
    return { byBand };
  };
  return {
    async assign(documents) {
      index ??= load();
      const { byBand } = await index;
      const existing = new Map((await store.storiesOf(documents.map((d) => d.id))).map((s) => [s.documentId, s]));
      const at = now().toISOString();
      const stories = documents.map((document): StoryRecord => {
        const signature = minhashSignature(document.articleText);
        const known = existing.get(document.id);
        let storyId = known?.storyId ?? null;
        if (storyId === null) {
          let best = SAME_STORY;
          for (const key of bandKeys(signature)) {
            for (const other of byBand.get(key) ?? []) {
              if (other.documentId === document.id) continue;
              const score = similarity(signature, other.signature);
              if (score >= best) {
                best = score;
                storyId = other.storyId;
              }
            }
          }
        }
        const story = {
          documentId: document.id,
          storyId: storyId ?? document.id,
          canonicalUrl: document.canonicalUrl,
          signature,
          createdAt: known?.createdAt ?? at,
        };
        existing.set(document.id, story);
        add(byBand, story);
        return story;
      });
      await store.saveStories(stories);
      return stories.map((s) => s.storyId);
    },
  };
}
