/**
 * Claims that several instances sharing one database take on work (a feed poll, a digest run, an incoming update)
 * hold for a lease the live owner keeps renewing. A process that dies stops renewing, so its claim runs out after one
 * lease and another instance takes the work over; a live one never loses it while it runs.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** How long a claim lasts without renewal: how soon another instance takes over a dead instance's work. */
export const DEFAULT_LEASE_MS = 30_000;

/** Renewals per lease: a claim survives two missed renewals (a busy database, a long synchronous step). */
const RENEWALS_PER_LEASE = 3;

/** A name for this process in claims: host, pid and a random part (a restarted container keeps host and pid). */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `work` while calling `renew` every third of `leaseMs`. A failed renewal is reported to `onError` and the
 * work goes on: the conditional writes that end it decide whether the claim was kept.
 */
export async function whileRenewing<T>(
  leaseMs: number,
  renew: () => Promise<unknown>,
  work: () => Promise<T>,
  onError: (error: unknown) => void = () => {},
): Promise<T> {
  let pending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(renew).catch(onError);
  }, leaseMs / RENEWALS_PER_LEASE);
  // A renewal timer alone never keeps the process alive.
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await pending;
  }
}
