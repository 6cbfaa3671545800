/** The /help embed: what the bot does, what the corpus covers, how to use the commands. */
import type { DocumentSummary } from '../../core/corpus.ts';
import { packEmbeds } from './embed-packing.ts';
import { COLORS, escapeText, type RenderedMessage } from './render-discord.ts';

const MAX_OUTLETS = 8;

/** "5 articles from DW, Reuters and 1 unattributed (2022-01-09 to 2022-01-11)". */
export function corpusCoverage(documents: readonly DocumentSummary[]): string {
  if (documents.length === 0) return 'no articles yet';
  const outlets = [...new Set(documents.flatMap((d) => (d.outlet ? [d.outlet] : [])))];
  const shown =
    outlets.length > MAX_OUTLETS
      ? [...outlets.slice(0, MAX_OUTLETS), `${outlets.length - MAX_OUTLETS} more outlets`]
      : outlets;
  const unattributed = documents.filter((d) => !d.outlet).length;
  const from = [...shown.map(escapeText), ...(unattributed > 0 ? [`${unattributed} unattributed`] : [])].join(', ');
  const dates = documents.flatMap((d) => (d.publishedAt ? [d.publishedAt] : [])).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  const range = first && last ? (first === last ? ` (${first})` : ` (${first} to ${last})`) : '';
  return `${documents.length} ${documents.length === 1 ? 'article' : 'articles'} from ${from}${range}`;
}

export function renderHelp(documents: readonly DocumentSummary[]): RenderedMessage[] {
  const lines = [
    'I brief you on diplomatic news and answer questions using only the articles I hold. Every claim carries a [n] marker pointing to a verbatim quote; when the articles do not say, I tell you so.',
    '',
    `**What I know:** ${corpusCoverage(documents)}.`,
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
