/**
 * The digest message: a briefing of what is new since the subscriber's last
 * digest, headed with the local date and closed with how to unsubscribe.
 * Blocks and citations are the engine's, untouched (core verified them).
 */
import type { AttacheApi } from '../api.ts';
import { renderText } from '../compose/build-reply.ts';
import type { Platform } from '../ports/sender.ts';
import type { Reply } from '../reply.ts';
import { formatLongDate } from './time-zone.ts';

export const NOTHING_NEW_NOTE = 'No new reporting since your last digest; here is the latest briefing.';

/** The conversation a target's digests are recorded under. */
export function digestConversation(platform: Platform, targetId: string): string {
  return `digest:${platform}:${targetId}`;
}

/** Heads a briefing with the local date and adds the notes and the platform's unsubscribe line; blocks and citations stay. */
export function decorateDigest(
  briefing: Reply,
  options: { localDate: string; unsubscribeHint: string; nothingNew: boolean },
): Reply {
  const title = `Daily digest — ${formatLongDate(options.localDate)} · ${briefing.title}`;
  const note = [options.nothingNew ? NOTHING_NEW_NOTE : null, briefing.note ?? null, options.unsubscribeHint]
    .filter((line): line is string => line !== null && line !== '')
    .join('\n');
  const digest: Reply = { ...briefing, title, note };
  return { ...digest, text: renderText(digest) };
}

export interface DigestRequest {
  platform: Platform;
  targetId: string;
  topic: string | null;
  localDate: string;
  /** coveredUntil of the subscription's last sent digest; null for the first one. */
  lastCoveredUntil: string | null;
  /** The platform's words for stopping digests (its adapter's), the digest's last line. */
  unsubscribeHint: string;
}

/**
 * Builds the digest: a briefing of documents ingested since the last digest or,
 * when nothing new matches (a refused briefing), the latest briefing saying so.
 */
export async function composeDigest(
  attache: Pick<AttacheApi, 'brief'>,
  request: DigestRequest,
): Promise<{ reply: Reply; nothingNew: boolean }> {
  const base = {
    conversation: digestConversation(request.platform, request.targetId),
    ...(request.topic === null ? {} : { topic: request.topic }),
  };
  let nothingNew = false;
  let briefing: Reply | null = null;
  if (request.lastCoveredUntil !== null) {
    briefing = await attache.brief({ ...base, ingestedAfter: request.lastCoveredUntil });
    if (briefing.status === 'refused') {
      nothingNew = true;
      briefing = null;
    }
  }
  briefing ??= await attache.brief(base);
  return {
    reply: decorateDigest(briefing, {
      localDate: request.localDate,
      unsubscribeHint: request.unsubscribeHint,
      nothingNew,
    }),
    nothingNew,
  };
}
