/**
 * The time a multi-process test may spend waiting, derived from its timeout rather than fixed per wait: on a loaded
 * machine (load 20 on 2 cores) one step — a process start, the first answer, a database created — can take ten times
 * as long as on an idle one, and a fixed 10 or 60 s per wait failed there while the test as a whole had time left.
 * Each wait ends as soon as its event arrives; the budget only decides when to give up, with a message naming the
 * wait, a little before vitest's own timeout (which names none) and leaving time for cleanup.
 */
export interface Budget {
  /** Milliseconds left for the next wait (at least one second, so a late wait still fails with its own message). */
  left(): number;
}

/** Starts the budget of a test with this timeout; `reserveMs` is kept back for the test's last steps and cleanup. */
export function budget(timeoutMs: number, reserveMs = 15_000): Budget {
  const end = Date.now() + timeoutMs - reserveMs;
  return { left: () => Math.max(1_000, end - Date.now()) };
}

/** Polls `check` until it holds, or fails naming `what` once `timeoutMs` has passed. */
export async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
