/** Row mapping shared by the SQLite and PostgreSQL feed repositories (their rows have the same shape). */
import type { FeedRecord, StoryRecord } from '../../core/ports/feed-store.ts';

/** A feeds row without the poll lease, which is the store's business, not the port's. */
export function toFeed(row: FeedRecord & { leaseOwner: string | null; leaseUntil: string | null }): FeedRecord {
  const { leaseOwner: _owner, leaseUntil: _until, ...feed } = row;
  return feed;
}

/** A document_stories row with its MinHash signature parsed from JSON text. */
export function toStory(row: Omit<StoryRecord, 'signature'> & { signature: string }): StoryRecord {
  const parsed: unknown = JSON.parse(row.signature);
  return { ...row, signature: Array.isArray(parsed) ? parsed.map(Number) : [] };
}
