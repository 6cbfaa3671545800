/** An in-memory digest Sender for tests: records every post of a part and answers as scripted. */
import type { PartOutcome, Platform, Sender } from '../../core/ports/sender.ts';
import type { Reply } from '../../core/reply.ts';

export interface SendCall {
  targetId: string;
  reply: Reply;
  /** The part posted (0-based) and its idempotency key. */
  part: number;
  key: string;
}

/** Decides one post's outcome; throw to simulate a failed send. Called with the 1-based call number. */
export type Respond = (call: SendCall, n: number) => PartOutcome | Promise<PartOutcome>;

export interface MemorySender extends Sender {
  /** Every post, including failed ones. */
  readonly calls: SendCall[];
  /** Posts that were delivered (outcome `sent`). */
  readonly delivered: SendCall[];
}

/** Delivers everything, numbering message ids per call. */
export const deliverAll: Respond = (_call, n) => ({ status: 'sent', messageId: `m${n}` });

export interface MemorySenderOptions {
  /** Messages each reply becomes (1 by default). */
  parts?: number;
  /** Acts as a platform that dedupes by idempotency key for this long. */
  idempotencyWindowMs?: number;
}

export function createMemorySender(
  platform: Platform,
  respond: Respond = deliverAll,
  options: MemorySenderOptions = {},
): MemorySender {
  const calls: SendCall[] = [];
  const delivered: SendCall[] = [];
  return {
    platform,
    unsubscribeHint: `To stop these digests on ${platform}, unsubscribe.`,
    ...(options.idempotencyWindowMs === undefined ? {} : { idempotencyWindowMs: options.idempotencyWindowMs }),
    calls,
    delivered,
    async prepare(targetId, reply) {
      return {
        parts: options.parts ?? 1,
        async send(part, key) {
          const call = { targetId, reply, part, key };
          calls.push(call);
          const outcome = await respond(call, calls.length);
          if (outcome.status === 'sent') delivered.push(call);
          return outcome;
        },
      };
    },
  };
}
