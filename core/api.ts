/**
 * What core offers the adapters and the CLI. Adapters depend on these
 * interfaces only; bot/ wires the implementations.
 */
import type { Timeline } from './analysis/timeline.ts';
import type { WhyReport } from './analysis/why.ts';
import type { DocumentSummary } from './corpus.ts';
import type { Platform } from './ports/sender.ts';
import type { Citation, Reply } from './reply.ts';
import type { SearchResult } from './retrieval/search-passages.ts';

/** Briefings, answers and follow-ups. Conversation ids are opaque here; each platform adapter makes its own. */
export interface AttacheApi {
  /** A short cited briefing, on a topic when given. Throws InputError for a bad topic. */
  brief(input: {
    topic?: string;
    conversation: string;
    /** Only documents ingested after this ISO instant (digests: what is new since the last one). */
    ingestedAfter?: string;
  }): Promise<Reply>;
  /** An answer to a question, using the conversation for follow-ups. Throws InputError for a bad question. */
  ask(input: { question: string; conversation: string }): Promise<Reply>;
  /** Continues the conversation's last briefing or answer with next-ranked material not yet shown. */
  more(input: { conversation: string }): Promise<Reply>;
  /** The documents of the corpus. */
  sources(): Promise<DocumentSummary[]>;
  /** Dated events of the corpus (on a topic when given), in date order, one entry per event. Throws InputError for a bad topic. */
  timeline(input: { topic?: string }): Promise<Timeline>;
  /** How the conversation's last reply came about (retrieval, engine, corpus); null when there is none to explain. */
  why(input: { conversation: string }): Promise<WhyReport | null>;
  /** The citations of the conversation's last reply (for a "Sources" button); empty when there is none. */
  lastCitations(input: { conversation: string }): Promise<Citation[]>;
  /** Ranked passages for text. Throws InputError for bad input. */
  search(text: string, limit?: number): Promise<SearchResult>;
  /**
   * Optional: one slice of the work that makes the next requests fast (the corpus profile, the store's
   * read-ahead), for idle time; true while some is left. Replies never depend on it, only their latency.
   */
  prepare?(): Promise<boolean>;
}

export interface SubscribeInput {
  platform: Platform;
  targetId: string;
  guildId?: string | null;
  /** HH:MM, 24-hour, local to `timezone`. */
  localTime: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: string;
  topic?: string | null;
  createdBy?: string | null;
  /** Show only stories containing one of these words or phrases (a list, or one comma-separated text). */
  includeKeywords?: readonly string[] | string | null;
  /** Leave out stories containing any of these words or phrases. */
  excludeKeywords?: readonly string[] | string | null;
  /** With no new story: `notice` (default) posts one short line, `silent` posts nothing. */
  whenEmpty?: 'notice' | 'silent' | null;
  /**
   * Post the first digest today even though today's time has passed (by default a subscription made after
   * its time starts tomorrow). The subscription then counts from today's scheduled time.
   */
  firstToday?: boolean;
}

export interface SubscriptionView {
  id: number;
  platform: Platform;
  targetId: string;
  guildId: string | null;
  localTime: string;
  timezone: string;
  topic: string | null;
  includeKeywords: string[];
  excludeKeywords: string[];
  whenEmpty: 'notice' | 'silent';
  active: boolean;
  createdAt: string;
  /** Next time a digest will be posted (ISO, UTC). */
  nextRunAt: string | null;
  lastRun: { localDate: string; status: string; error: string | null } | null;
}

/** Daily digest subscriptions. Throws InputError (clear message) for a bad time, zone or target. */
export interface DigestApi {
  /** Creates or replaces the target's subscription. */
  subscribe(input: SubscribeInput): Promise<SubscriptionView>;
  unsubscribe(input: { platform: Platform; targetId: string }): Promise<{ removed: boolean }>;
  status(input: { platform: Platform; targetId: string }): Promise<SubscriptionView | null>;
  list(): Promise<SubscriptionView[]>;
}
