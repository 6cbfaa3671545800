/** Limits how many Claude requests are in flight at once; the rest wait in arrival order. */
export interface Semaphore {
  /**
   * Resolves with a release function once a slot is free. Rejects with the signal's reason if the signal
   * aborts first (the caller's deadline), without taking a slot.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Requests holding a slot right now. */
  readonly active: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('semaphore limit must be a positive integer');
  let active = 0;
  const waiting: Array<() => void> = [];

  const releaseOnce = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      if (next) next();
      else active--;
    };
  };

  return {
    get active() {
      return active;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active++;
        return Promise.resolve(releaseOnce());
      }
      return new Promise((resolve, reject) => {
        // The slot passes straight from the releaser to this waiter, so `active` stays the same.
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaseOnce());
        };
        const onAbort = () => {
          const at = waiting.indexOf(grant);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
