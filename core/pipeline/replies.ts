import { refusedReply } from '../compose/build-reply.ts';
import type { EngineName, Reply, ReplyKind } from '../reply.ts';

/** Longest title kept. */
const MAX_TITLE = 120;

/**
 * A title safe to show on every platform: one line, no markup or mention characters (@everyone,
 * <tags>, *bold*), at most 120 chars. Quotation marks stay here: buildReply keeps them only around
 * a verbatim span of the reply's quotes.
 */
export function safeTitle(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[@<>`*_~|#\\[\]{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || !/[\p{L}\p{N}]/u.test(cleaned)) return fallback;
  if (cleaned.length <= MAX_TITLE) return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  const cut = cleaned.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : MAX_TITLE)}…`;
}

/** A reply with nothing to show: says why and what the corpus does cover (see core/compose). */
export function refusalReply(kind: ReplyKind, engine: EngineName, reason: string, coverage: string): Reply {
  return refusedReply({ kind, engine, reason, coverage });
}
