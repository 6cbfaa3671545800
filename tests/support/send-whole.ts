/** Posts a whole Reply through a digest Sender, part after part, as the digest runner does (without its records). */
import type { Sender } from '../../core/ports/sender.ts';
import type { Reply } from '../../core/reply.ts';

export type WholeOutcome = { status: 'sent'; messageIds: string[] } | { status: 'gone'; reason: string };

/** The message ids of every part, or the first part's `gone`; failures are thrown as the sender throws them. */
export async function sendWhole(sender: Sender, targetId: string, reply: Reply, key = 'test'): Promise<WholeOutcome> {
  const delivery = await sender.prepare(targetId, reply);
  const messageIds: string[] = [];
  for (let part = 0; part < delivery.parts; part++) {
    const outcome = await delivery.send(part, `${key}:${part}`);
    if (outcome.status === 'gone') return outcome;
    messageIds.push(outcome.messageId);
  }
  return { status: 'sent', messageIds };
}
