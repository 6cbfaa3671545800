/** The /help embed: what the bot does, what the corpus covers, how to use the commands. */
import type { DocumentSummary } from '../../core/corpus.ts';
import { corpusCoverage } from '../shared/reply-parts.ts';
import { packEmbeds } from './embed-packing.ts';
import { COLORS, escapeText, type RenderedMessage } from './render-discord.ts';

export function renderHelp(documents: readonly DocumentSummary[]): RenderedMessage[] {
  const lines = [
    'I brief you on diplomatic news and answer questions using only the articles I hold. Every claim carries a [n] marker pointing to a verbatim quote; when the articles do not say, I tell you so.',
    '',
    `**What I know:** ${corpusCoverage(documents, escapeText)}.`,
    '',
    '**Commands**',
    '/brief [topic] — a short cited briefing, e.g. on Geneva talks',
    '/ask question — a cited answer, e.g. What did Ryabkov say about concessions?',
    '/more — more on your last briefing or answer (or press More)',
    '/sources — the articles I draw on (press Sources under a reply for its quotes)',
    '/timeline [topic] — dated events in order, each cited',
    '/why — how your last reply came about: passages retrieved and cited, engine, corpus',
    '/digest subscribe | unsubscribe | status — a daily digest in a channel (server admins)',
  ];
  return packEmbeds({ title: 'Attaché', color: COLORS.info, lines }).map((embeds) => ({ embeds, components: [] }));
}
