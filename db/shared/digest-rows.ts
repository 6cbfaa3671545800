/** Row mapping and the stories query shared by the SQLite and PostgreSQL digest repositories. */
import { type SQL, sql } from 'drizzle-orm';
import type {
  DigestContent,
  DigestDocument,
  DigestRunRecord,
  SubscriptionRecord,
} from '../../core/ports/digest-store.ts';

/** A subscriptions row as either dialect returns it: the record, with its keywords as JSON text. */
export type SubscriptionRow = Omit<SubscriptionRecord, 'includeKeywords' | 'excludeKeywords'> & {
  includeKeywords: string;
  excludeKeywords: string;
};

function words(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
}

export function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return { ...row, includeKeywords: words(row.includeKeywords), excludeKeywords: words(row.excludeKeywords) };
}

/** A digest_runs row as either dialect returns it without its content: the record, with message ids as JSON text. */
export type RunRow = Omit<DigestRunRecord, 'messageIds'> & { messageIds: string | null };

export function toRun(row: RunRow): DigestRunRecord {
  let messageIds: string[] = [];
  if (row.messageIds) {
    const parsed: unknown = JSON.parse(row.messageIds);
    if (Array.isArray(parsed)) messageIds = parsed.map(String);
  }
  return { ...row, messageIds };
}

/** A run's stored content, or null when it has none (or it is not a digest's content). */
export function toContent(json: string | null): DigestContent | null {
  if (json === null) return null;
  const parsed = JSON.parse(json) as Partial<DigestContent> | null;
  if (!parsed?.reply || typeof parsed.nothingNew !== 'boolean' || typeof parsed.stories !== 'number') return null;
  return { reply: parsed.reply, nothingNew: parsed.nothingNew, stories: parsed.stories };
}

/** The stored form of a subscription's keyword lists. */
export function keywordColumns(input: { includeKeywords: readonly string[]; excludeKeywords: readonly string[] }) {
  return {
    includeKeywords: JSON.stringify(input.includeKeywords),
    excludeKeywords: JSON.stringify(input.excludeKeywords),
  };
}

/**
 * Documents of the stories that gained a document first stored in (after, until], newest story first.
 * A document without a story record is a story of its own (files ingested from disk).
 */
export function storiesAddedQuery(after: string, until: string, limit: number): SQL {
  return sql`
    WITH added AS (
      SELECT d.id, coalesce(d.first_ingested_at, d.ingested_at) AS first_at FROM documents d
      WHERE coalesce(d.first_ingested_at, d.ingested_at) > ${after}
        AND coalesce(d.first_ingested_at, d.ingested_at) <= ${until}
    ),
    fresh AS (
      SELECT coalesce(s.story_id, a.id) AS story_id, max(a.first_at) AS newest
      FROM added a LEFT JOIN document_stories s ON s.document_id = a.id
      GROUP BY coalesce(s.story_id, a.id) ORDER BY newest DESC LIMIT ${limit}
    ),
    members AS (
      SELECT s.document_id AS id, s.story_id FROM document_stories s WHERE s.story_id IN (SELECT story_id FROM fresh)
      UNION
      SELECT d.id, d.id FROM documents d
      WHERE d.id IN (SELECT story_id FROM fresh)
        AND NOT EXISTS (SELECT 1 FROM document_stories s WHERE s.document_id = d.id)
    )
    SELECT d.id, m.story_id, d.title, d.outlet, d.url, d.published_at,
      coalesce(d.first_ingested_at, d.ingested_at) AS first_ingested_at, d.article_text,
      p.id AS lead_id, p.text AS lead_text, f.newest
    FROM members m
    JOIN fresh f ON f.story_id = m.story_id
    JOIN documents d ON d.id = m.id
    LEFT JOIN passages p ON p.document_id = d.id AND p.ordinal = 0
    ORDER BY f.newest DESC, m.story_id, first_ingested_at, d.id`;
}

export type StoryDocumentRow = {
  id: string;
  story_id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
  first_ingested_at: string;
  article_text: string;
  lead_id: string | null;
  lead_text: string | null;
};

export function toDigestDocument(row: StoryDocumentRow): DigestDocument {
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    publishedAt: row.published_at,
    firstIngestedAt: row.first_ingested_at,
    articleText: row.article_text,
    lead: row.lead_id !== null && row.lead_text !== null ? { passageId: row.lead_id, text: row.lead_text } : null,
  };
}
