/** Claims on incoming platform updates, shared by every instance on one database. Implemented in db/. */

/**
 * claimed: this instance handles the update now; done: it was handled already (a re-sent copy);
 * busy: another instance holds a live claim on it (it is being handled, or its owner died less than a lease ago).
 */
export type UpdateClaimOutcome = 'claimed' | 'done' | 'busy';

/** One incoming update, named by its platform and the platform's own id for it. */
export interface UpdateKey {
  platform: string;
  updateId: string;
}

/**
 * Exactly-once handling of updates a platform may deliver more than once (Telegram re-sends a webhook update that was
 * not answered in time, possibly to another instance). The (platform, update id) row is the lock: the first claim
 * wins, its owner renews it while handling and marks it done; a claim whose owner stopped renewing before it was done
 * runs out and is taken again, so an update is neither handled twice nor lost with a dying instance.
 */
export interface UpdateClaimStore {
  /** Claims the update for `owner` until `leaseUntil` (ISO instants), or says why not. */
  claimUpdate(key: UpdateKey, owner: string, now: string, leaseUntil: string): Promise<UpdateClaimOutcome>;
  /** Extends `owner`'s live claim; false when it no longer holds it. */
  renewUpdate(key: UpdateKey, owner: string, leaseUntil: string): Promise<boolean>;
  /** Marks the update handled; false when `owner` no longer held the claim. */
  finishUpdate(key: UpdateKey, owner: string, at: string): Promise<boolean>;
  /** Forgets claims made before `before` (ISO), when no platform re-sends their updates any more; returns how many. */
  pruneUpdates(before: string): Promise<number>;
}
