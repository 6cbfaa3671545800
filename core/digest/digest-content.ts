/**
 * The digest message: the stories added since the subscriber's last digest, one entry per story with all its
 * outlets, filtered by the subscription's keywords and topic, headed with the local date and closed with how to
 * unsubscribe.
 */
import type { AttacheApi } from '../api.ts';
import type { DigestStore, SubscriptionRecord } from '../ports/digest-store.ts';
import type { Platform } from '../ports/sender.ts';
import type { Reply } from '../reply.ts';
import { filterStories, groupStories, storyDigestReply } from './story-digest.ts';

/** Stories read for one digest before filtering; a day's news, with room for what the keywords leave out. */
const STORIES_READ = 400;
/** Passages searched for a topic; stories are kept when one of their copies is among them. */
const TOPIC_PASSAGES = 1_000;
/** A first digest shows the stories of the day before the subscription (or its time, if earlier) and since. */
const FIRST_DIGEST_WINDOW_MS = 24 * 3_600_000;

/** The conversation a target's digests are recorded under. */
export function digestConversation(platform: Platform, targetId: string): string {
  return `digest:${platform}:${targetId}`;
}

export interface DigestRequest {
  subscription: Pick<
    SubscriptionRecord,
    'platform' | 'targetId' | 'topic' | 'includeKeywords' | 'excludeKeywords' | 'whenEmpty' | 'createdAt'
  >;
  localDate: string;
  /** coveredUntil of the subscription's last sent digest; null for the first one. */
  lastCoveredUntil: string | null;
  /** The corpus watermark read before composing: this digest covers what was added up to it. */
  coveredUntil: string | null;
  /** The instant the digest is scheduled for. */
  at: Date;
  /** The platform's words for stopping digests (its adapter's), the digest's last line. */
  unsubscribeHint: string;
  /** Characters the stories may take on the platform (its sender's), when it says. */
  digestChars?: number | undefined;
}

export interface ComposedDigest {
  /** Null when nothing is new and the subscription wants silence then. */
  reply: Reply | null;
  nothingNew: boolean;
  stories: number;
}

export interface DigestContentDeps {
  store: Pick<DigestStore, 'storiesAddedBetween'>;
  attache: Pick<AttacheApi, 'search'>;
}

/** Documents matching a topic: those with a passage among its best-ranked ones. */
async function topicDocuments(
  attache: DigestContentDeps['attache'],
  topic: string | null,
): Promise<Set<string> | null> {
  if (topic === null) return null;
  const { passages } = await attache.search(topic, TOPIC_PASSAGES);
  return new Set(passages.map((p) => p.documentId));
}

/** Builds the digest of the stories first added after the last digest and up to `coveredUntil`. */
export async function composeDigest(deps: DigestContentDeps, request: DigestRequest): Promise<ComposedDigest> {
  const { subscription: sub } = request;
  const start = Math.min(request.at.getTime(), Date.parse(sub.createdAt) || request.at.getTime());
  const after = request.lastCoveredUntil ?? new Date(start - FIRST_DIGEST_WINDOW_MS).toISOString();
  const documents =
    request.coveredUntil === null
      ? []
      : await deps.store.storiesAddedBetween(after, request.coveredUntil, STORIES_READ);
  const stories = filterStories(groupStories(documents), {
    includeKeywords: sub.includeKeywords,
    excludeKeywords: sub.excludeKeywords,
    topicDocuments: documents.length === 0 ? null : await topicDocuments(deps.attache, sub.topic),
  });
  const nothingNew = stories.length === 0;
  if (nothingNew && sub.whenEmpty === 'silent') return { reply: null, nothingNew, stories: 0 };
  const reply = storyDigestReply(stories, {
    localDate: request.localDate,
    budget: request.digestChars,
    footer: request.unsubscribeHint,
  });
  return { reply, nothingNew, stories: stories.length };
}
