/** What a digest run reports, and the retry policy it follows (shared by the runner and its delivery). */
import type { Platform } from '../ports/sender.ts';

export type DigestOutcome = 'sent' | 'quiet' | 'gone' | 'failed' | 'skipped' | 'no-sender' | 'busy';

/** What happened to one subscription's digest of one local date. */
export interface DigestReportItem {
  subscriptionId: number;
  platform: Platform;
  targetId: string;
  localDate: string;
  /**
   * sent; quiet (no new story and the subscription wants silence then: nothing posted, the day is done);
   * gone (target gone, subscription deactivated); failed (reason given; never resent);
   * sent with a reason: a part under way when an earlier owner died was not resent (it may be missing);
   * skipped (an earlier day missed during downtime); no-sender (platform not configured here,
   * left unclaimed); busy (another process holds the run).
   */
  outcome: DigestOutcome;
  attempts: number;
  /** Sent well after its scheduled time (catch-up). */
  late: boolean;
  messageIds?: string[];
  reason?: string;
  /** No new story passed the subscription's filters (the digest said so, or was not posted). */
  nothingNew?: boolean;
  /** Stories in the digest. */
  stories?: number;
}

export interface DigestRunReport {
  /** The instant the plan was made for (ISO). */
  at: string;
  items: DigestReportItem[];
}

export interface RetryPolicy {
  /** Send attempts per part of a digest. */
  attempts: number;
  /** Wait after the first failure; each later wait is four times longer (up to half less, for jitter). */
  baseDelayMs: number;
  /** Longest wait; a platform asking to wait longer (retry-after) fails the run instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

/** A run interrupted by a process from before per-part records: it may have been delivered whole. */
export const INTERRUPTED_REASON = 'interrupted; not resent to avoid a duplicate';
