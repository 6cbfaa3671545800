/** Telegram HTML for everything that is not a Reply: help, the document list, digest subscriptions. */

import { renderWhyText, type WhyReport } from '../../core/analysis/why.ts';
import type { SubscriptionView } from '../../core/api.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import { describeFilters } from '../../core/digest/keywords.ts';
import { corpusCoverage, UNKNOWN_OUTLET } from '../shared/reply-parts.ts';
import { helpLines } from './command-menu.ts';
import { bold, escapeHtml, italic, join, link, type Piece, text } from './html.ts';
import { packMessages, TELEGRAM_TEXT_LIMIT, type Unit } from './split-message.ts';

/** A chat is no place for a catalogue: the list stops here. */
const MAX_LISTED_DOCUMENTS = 40;

const EXAMPLE_QUESTION = 'What did Ryabkov say about concessions?';

/** /start and /help: what the bot does, what it knows, how to use it (commands from core's table). */
export function renderHelp(
  documents: readonly DocumentSummary[],
  botUsername: string,
  greeting: boolean,
  botAdmin = false,
): string {
  const lines: Piece[] = [
    greeting ? join(text('Hello! I am '), bold(text('Attaché')), text('.')) : bold(text('Attaché')),
    text(
      'I brief you on diplomatic news and answer questions using only the articles I hold. Every claim cites a verbatim quote; when the articles do not say, I tell you so.',
    ),
    text(''),
    join(bold(text('What I know: ')), text(corpusCoverage(documents)), text('.')),
    text(''),
    bold(text('Commands')),
    ...helpLines(botAdmin).map((line) => text(line)),
    text(''),
    join(text('In a private chat just type a question, e.g. '), italic(text(EXAMPLE_QUESTION))),
    // The bot's own handle stays a live mention: tapping it is useful and notifies no one.
    { html: `In groups, mention @${escapeHtml(botUsername)} or reply to one of my messages.`, plain: '' },
  ];
  return lines.map((l) => l.html).join('\n');
}

/** The documents of the corpus (the /sources command, or "Sources" when there is no last reply). */
export function renderDocuments(documents: readonly DocumentSummary[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (documents.length === 0) return ['The corpus is empty: no articles have been ingested yet.'];
  const head: Unit = { ...join(bold(text('Sources')), text(` — ${corpusCoverage(documents)}`)), gap: '\n' };
  const rows = documents.slice(0, MAX_LISTED_DOCUMENTS).map((d): Unit => {
    const outlet = link(d.url, bold(text(d.outlet ?? UNKNOWN_OUTLET)));
    const title = italic(text(d.title ?? d.id));
    return { ...join(text('• '), outlet, text(`, ${d.publishedAt ?? 'undated'} — `), title), gap: '\n' };
  });
  const hidden = documents.length - rows.length;
  if (hidden > 0) rows.push({ ...italic(text(`…and ${hidden} more.`)), gap: '\n' });
  return packMessages([head, ...rows], limit);
}

/** A digest subscription, for /subscribe and /digest. */
export function renderSubscription(view: SubscriptionView, heading: string): string {
  const lines: Piece[] = [
    bold(text(heading)),
    text(`Every day at ${view.localTime} (${view.timezone})${view.topic ? `, on: ${view.topic}` : ''}.`),
  ];
  const filters = describeFilters(view);
  if (filters) lines.push(text(filters));
  if (view.nextRunAt)
    lines.push(text(`Next digest: ${view.nextRunAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}`));
  if (view.lastRun) {
    const error = view.lastRun.error ? ` (${view.lastRun.error})` : '';
    lines.push(text(`Last digest: ${view.lastRun.localDate}, ${view.lastRun.status}${error}`));
  }
  if (!view.active) lines.push(italic(text('This subscription is paused.')));
  return lines.map((l) => l.html).join('\n');
}

/** The `/why` report: a bold heading, then one line per fact and passage, split to fit. */
export function renderWhy(report: WhyReport | null, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const [first = '', ...rest] = renderWhyText(report).split('\n');
  const head: Unit = {
    ...(report ? join(bold(text('Why this reply')), text('\n'), text(first)) : text(first)),
    gap: '\n',
  };
  return packMessages([head, ...rest.map((line): Unit => ({ ...text(line), gap: '\n' }))], limit);
}

/** A short notice (errors, usage hints) as escaped HTML. */
export function renderNotice(message: string): string {
  return text(message).html;
}
