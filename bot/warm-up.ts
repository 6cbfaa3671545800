import type { AttacheApi } from '../core/api.ts';
import { warmUpLanguage } from '../core/language/warm-up.ts';
import type { Logger } from '../core/ports/logger.ts';

/** Pause before the first slice, so start-up output comes first. */
const FIRST_DELAY_MS = 50;
/** Pause between slices while work is left: timers let a request that arrived meanwhile go first. */
const SLICE_DELAY_MS = 1;
/** How often a finished warm-up checks again: a feed poll or an ingest changes the corpus and empties its caches. */
const RECHECK_MS = 5_000;

/**
 * Prepares in idle time what the first requests would otherwise pay for: the language data (about a second),
 * then the corpus profile and the search's read-ahead in short slices (attache.prepare), again after the corpus
 * changes. Timers are unref'd, so the warm-up never keeps the process alive.
 */
export function startWarmUp(
  attache: Pick<AttacheApi, 'prepare'>,
  logger: Logger,
  loadLanguage: () => void = warmUpLanguage,
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failed = false;
  const schedule = (ms: number, step: () => Promise<void> | void) => {
    if (stopped) return;
    timer = setTimeout(() => void step(), ms);
    timer.unref();
  };
  const slice = async (): Promise<void> => {
    let more = false;
    try {
      more = (await attache.prepare?.()) ?? false;
    } catch (error) {
      // A warm-up that fails costs only latency; said once, not every few seconds.
      if (!failed) logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'warm-up failed');
      failed = true;
    }
    schedule(more ? SLICE_DELAY_MS : RECHECK_MS, slice);
  };
  schedule(FIRST_DELAY_MS, () => {
    loadLanguage();
    schedule(SLICE_DELAY_MS, slice);
  });
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
