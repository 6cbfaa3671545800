/** Plain-text lines about digest subscriptions, for ephemeral replies to /digest. */

import type { SubscriptionView } from '../../core/api.ts';
import { describeFilters } from '../../core/digest/keywords.ts';
import { escapeText } from './render-discord.ts';

/** `<t:…:f>` renders in each reader's own time zone. */
function discordTime(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:f>` : iso;
}

/** One or two lines describing a subscription. */
export function describeSubscription(view: SubscriptionView): string {
  const topic = view.topic ? ` on “${escapeText(view.topic)}”` : '';
  const lines = [
    `Daily digest${topic} for <#${view.targetId}> at ${view.localTime} (${view.timezone})${view.active ? '' : ' — paused'}.`,
  ];
  const filters = describeFilters(view);
  if (filters) lines.push(escapeText(filters));
  if (view.nextRunAt) lines.push(`Next digest: ${discordTime(view.nextRunAt)}.`);
  if (view.lastRun) {
    const error = view.lastRun.error ? ` (${escapeText(view.lastRun.error)})` : '';
    lines.push(`Last run: ${view.lastRun.localDate}, ${view.lastRun.status}${error}.`);
  }
  return lines.join('\n');
}

export function subscribedText(view: SubscriptionView): string {
  return `Subscribed. ${describeSubscription(view)}`;
}

export function unsubscribedText(channelId: string, removed: boolean): string {
  return removed
    ? `The daily digest for <#${channelId}> is cancelled.`
    : `<#${channelId}> has no daily digest, so there was nothing to cancel.`;
}

export function statusText(channelId: string, view: SubscriptionView | null): string {
  return view
    ? describeSubscription(view)
    : `<#${channelId}> has no daily digest. An admin can start one with /digest subscribe.`;
}
