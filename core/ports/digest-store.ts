import type { Reply } from '../reply.ts';
import type { Platform } from './sender.ts';

/** claimed: a process owns the run and may be sending; the others are final. */
export type DigestRunStatus = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface SubscriptionRecord {
  id: number;
  platform: Platform;
  targetId: string;
  guildId: string | null;
  /** HH:MM, 24-hour, local to `timezone`. */
  localTime: string;
  /** Canonical IANA zone. */
  timezone: string;
  topic: string | null;
  createdBy: string | null;
  /** ISO instant. */
  createdAt: string;
  active: boolean;
  deactivatedReason: string | null;
  /** Plain lower-case words and phrases: a story is shown only when it contains one of them (none: every story). */
  includeKeywords: string[];
  /** A story containing any of these is left out. */
  excludeKeywords: string[];
  /** With no new story: `notice` posts one short line, `silent` posts nothing. */
  whenEmpty: WhenEmpty;
}

export type WhenEmpty = 'notice' | 'silent';

/** A document as a digest lists it: one outlet's copy of a story. */
export interface DigestDocument {
  id: string;
  /** Shared by near-identical copies from several outlets; the document's own id when it has no story record. */
  storyId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  /** When the document was first stored (ISO); an edit later does not change it. */
  firstIngestedAt: string;
  /** The article text, for include / exclude keywords. */
  articleText: string;
  /** The opening passage, quoted as the story's lead. */
  lead: { passageId: string; text: string } | null;
}

export type NewSubscription = Omit<SubscriptionRecord, 'id' | 'active' | 'deactivatedReason'>;

export interface DigestRunRecord {
  id: number;
  subscriptionId: number;
  /** YYYY-MM-DD in the subscription's zone. */
  localDate: string;
  status: DigestRunStatus;
  /** Send attempts started; recorded before each attempt, so 1+ on a claimed run means a post may exist. */
  attempts: number;
  /** Why it failed or was skipped; on a sent run, a part that may be missing (see DigestStore.confirmPart). */
  lastError: string | null;
  /** The platform ids of the parts confirmed so far, in order. */
  messageIds: string[];
  /** Parts of the digest settled so far (confirmed, or given up as possibly delivered): the next part to send. */
  partsSent: number;
  /**
   * When the send of part `partsSent` started, until it is confirmed (ISO): set, that part may have been posted
   * already (a process died or a send failed while the platform had it). Null: no send under way.
   */
  partStartedAt: string | null;
  claimedBy: string | null;
  /** ISO instant of the claim, refreshed before each attempt (a heartbeat for stale-claim detection). */
  claimedAt: string;
  finishedAt: string | null;
  /** Newest corpus ingestedAt this digest covered; the next digest shows what came after it. */
  coveredUntil: string | null;
}

/** What a run posts: built once, before its first part is sent, so whoever finishes the run posts the same digest. */
export interface DigestContent {
  reply: Reply;
  /** No new story passed the subscription's filters (the digest says so). */
  nothingNew: boolean;
  /** Stories in the digest. */
  stories: number;
}

/** The claimant's view of its own run, used to make every later write conditional on still owning it. */
export interface RunClaim {
  runId: number;
  claimedBy: string;
}

export type ClaimResult =
  | { outcome: 'claimed'; run: DigestRunRecord }
  | { outcome: 'exists'; run: DigestRunRecord }
  /** The subscription was deactivated meanwhile: nothing to send. */
  | { outcome: 'inactive' };

/**
 * Storage of digest subscriptions and runs. Every state change of a run is a
 * conditional write, so several processes sharing one database can race
 * safely: the (subscription, local date) row is the lock, and a run is never
 * posted twice.
 */
export interface DigestStore {
  /** Creates the target's active subscription, or updates the existing active one in place (its run history stays). */
  upsertSubscription(input: NewSubscription): Promise<SubscriptionRecord>;
  /** Deactivates the target's active subscription; false when there was none. */
  deactivateTarget(platform: Platform, targetId: string, reason: string): Promise<boolean>;
  activeSubscription(platform: Platform, targetId: string): Promise<SubscriptionRecord | null>;
  listActiveSubscriptions(): Promise<SubscriptionRecord[]>;
  /** Runs of active subscriptions whose local date is on or after `localDate` (YYYY-MM-DD). */
  runsSince(localDate: string): Promise<DigestRunRecord[]>;
  /** Runs of one subscription on or after `localDate`. */
  runsOf(subscriptionId: number, localDate: string): Promise<DigestRunRecord[]>;
  /** The run with the latest local date, whatever its status. */
  latestRun(subscriptionId: number): Promise<DigestRunRecord | null>;
  /** The latest run that was delivered. */
  lastSentRun(subscriptionId: number): Promise<DigestRunRecord | null>;
  /**
   * Claims the (subscription, local date) run by inserting its row, unless a row
   * exists already (returned) or the subscription is no longer active.
   */
  claimRun(input: { subscriptionId: number; localDate: string; claimedBy: string; at: string }): Promise<ClaimResult>;
  /**
   * Takes over an abandoned claim (its owner stopped renewing it), to finish it from its first unsettled part.
   * Succeeds only when the row is still exactly as seen (`seen`), so one process wins.
   */
  takeOverRun(seen: DigestRunRecord, claimedBy: string, at: string): Promise<boolean>;
  /** Marks a stale claim as failed, when the row is still exactly as seen. */
  failInterruptedRun(seen: DigestRunRecord, reason: string, at: string): Promise<boolean>;
  /** Refreshes the claim's time (a heartbeat while its owner works on it); false when the claim was lost. */
  renewClaim(claim: RunClaim, at: string): Promise<boolean>;
  /** Fixes what the run posts and what it covers, before its first part is sent; false when the claim was lost. */
  saveContent(claim: RunClaim, content: DigestContent, coveredUntil: string | null, at: string): Promise<boolean>;
  /** The content a run fixed (null when it has none yet) and the corpus instant it covers. */
  runContent(runId: number): Promise<{ content: DigestContent; coveredUntil: string | null } | null>;
  /**
   * Counts a send attempt of part `part` and marks that part under way, before it is sent; false when the claim was
   * lost or the part is not the run's next one (then do not send).
   */
  recordAttempt(claim: RunClaim, part: number, at: string): Promise<boolean>;
  /**
   * Settles part `part` (the run's next one): confirmed, with every confirmed message id so far, or given up with a
   * `note` saying it may be missing (kept as the run's lastError). False when the claim was lost.
   */
  confirmPart(
    claim: RunClaim,
    result: { part: number; messageIds: string[]; note?: string; at: string },
  ): Promise<boolean>;
  /** Records a delivery (a note given to confirmPart stays). */
  markSent(
    claim: RunClaim,
    result: { messageIds: string[]; coveredUntil: string | null; at: string },
  ): Promise<boolean>;
  /** Records a final failure with its reason. */
  markFailed(claim: RunClaim, reason: string, at: string): Promise<boolean>;
  /** Records the target as gone: the run fails and the subscription is deactivated, in one transaction. */
  markGone(claim: RunClaim, subscriptionId: number, reason: string, at: string): Promise<void>;
  /** Records a local date that was not sent on its day; false when a row for it exists. */
  recordSkipped(input: { subscriptionId: number; localDate: string; reason: string; at: string }): Promise<boolean>;
  /** The newest ingestedAt in the corpus (ISO), or null when it is empty. */
  corpusWatermark(): Promise<string | null>;
  /**
   * Every document of the stories that gained a document first stored after `after` and at or before `until`
   * (ISO), at most `limit` stories, the newest first. Edited documents keep their first time, so they are not new.
   */
  storiesAddedBetween(after: string, until: string, limit: number): Promise<DigestDocument[]>;
}
