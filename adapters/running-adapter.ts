import type { AttacheApi, DigestApi } from '../core/api.ts';
import type { FeedsAdminApi } from '../core/feeds/feeds-admin.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { UpdateClaimStore } from '../core/ports/update-claims.ts';

/** What every chat adapter needs from core. */
export interface AdapterCore {
  attache: AttacheApi;
  digests: DigestApi;
  logger: Logger;
  /** Feed management for BOT_ADMINS; absent where feeds are not wired. */
  feeds?: FeedsAdminApi;
  /** BOT_ADMINS (qualified ids, `telegram:123`), for the admins' command menus. */
  botAdmins?: readonly string[];
  /**
   * Claims on incoming updates in the shared database, so an update a platform re-sends (to this or another
   * instance) is handled once; `leaseMs`: how soon a dead instance's claim is taken over.
   */
  updateClaims?: { store: UpdateClaimStore; owner: string; leaseMs: number };
}

/** A started platform adapter; stop() finishes in-flight replies and disconnects. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}
