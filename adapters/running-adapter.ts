import type { AttacheApi, DigestApi } from '../core/api.ts';
import type { FeedsAdminApi } from '../core/feeds/feeds-admin.ts';
import type { Logger } from '../core/ports/logger.ts';

/** What every chat adapter needs from core. */
export interface AdapterCore {
  attache: AttacheApi;
  digests: DigestApi;
  logger: Logger;
  /** Feed management for BOT_ADMINS; absent where feeds are not wired. */
  feeds?: FeedsAdminApi;
  /** BOT_ADMINS (qualified ids, `telegram:123`), for the admins' command menus. */
  botAdmins?: readonly string[];
}

/** A started platform adapter; stop() finishes in-flight replies and disconnects. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}
