import type { FeedStore } from '../ports/feed-store.ts';
import { minhashSignature, similarity } from './minhash.ts';

/** Shingle overlap above which two articles are copies of one story (wire copy lightly edited by each outlet). */
const SAME_STORY = 0.5;
/** How far back a new article is compared with stored ones. */
const WINDOW_DAYS = 14;
const WINDOW_LIMIT = 5_000;

/**
 * Gives a document its story: the story it already has, else that of the most similar article stored in the
 * last two weeks when the texts are near-identical, else a new story named after the document.
 */
export async function assignStory(
  store: FeedStore,
  document: { id: string; articleText: string; canonicalUrl: string | null },
  now: Date,
): Promise<string> {
  const signature = minhashSignature(document.articleText);
  const existing = await store.storyOf(document.id);
  let storyId = existing?.storyId ?? null;
  if (storyId === null) {
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    let best = SAME_STORY;
    for (const other of await store.recentStories(since, WINDOW_LIMIT)) {
      if (other.documentId === document.id) continue;
      const score = similarity(signature, other.signature);
      if (score >= best) {
        best = score;
        storyId = other.storyId;
      }
    }
  }
  storyId ??= document.id;
  await store.saveStory({
    documentId: document.id,
    storyId,
    canonicalUrl: document.canonicalUrl,
    signature,
    createdAt: existing?.createdAt ?? now.toISOString(),
  });
  return storyId;
}
