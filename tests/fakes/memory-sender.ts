/** An in-memory digest Sender for tests: records every call and answers as scripted. */
import type { Platform, Sender, SendOutcome } from '../../core/ports/sender.ts';
import type { Reply } from '../../core/reply.ts';

export interface SendCall {
  targetId: string;
  reply: Reply;
}

/** Decides one call's outcome; throw to simulate a failed send. Called with the 1-based call number. */
export type Respond = (call: SendCall, n: number) => SendOutcome | Promise<SendOutcome>;

export interface MemorySender extends Sender {
  /** Every call, including failed ones. */
  readonly calls: SendCall[];
  /** Calls that were delivered (outcome `sent`). */
  readonly delivered: SendCall[];
}

/** Delivers everything, numbering message ids per call. */
export const deliverAll: Respond = (_call, n) => ({ status: 'sent', messageIds: [`m${n}`] });

export function createMemorySender(platform: Platform, respond: Respond = deliverAll): MemorySender {
  const calls: SendCall[] = [];
  const delivered: SendCall[] = [];
  return {
    platform,
    unsubscribeHint: `To stop these digests on ${platform}, unsubscribe.`,
    calls,
    delivered,
    async send(targetId, reply) {
      const call = { targetId, reply };
      calls.push(call);
      const outcome = await respond(call, calls.length);
      if (outcome.status === 'sent') delivered.push(call);
      return outcome;
    },
  };
}
