/** The /help embed: what the bot does, what the corpus covers, how to use the commands. */
import { COMMANDS } from '../../core/commands/command-table.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import { corpusCoverage } from '../shared/reply-parts.ts';
import { packEmbeds } from './embed-packing.ts';
import { COLORS, escapeText, type RenderedMessage } from './render-discord.ts';

/** "/ask question — …", "/digest subscribe | unsubscribe | status — …": one line per command of core's table. */
export function helpLines(botAdmin: boolean): string[] {
  return COMMANDS.filter((c) => c.name !== 'help' && (botAdmin || c.audience !== 'bot-admins')).map((c) => {
    const args = c.arguments.map((a) => (a.required ? a.name : `[${a.name}]`));
    const actions = c.actions ? [c.actions.map((a) => a.name).join(' | ')] : [];
    const usage = [`/${c.name}`, ...args, ...actions].join(' ');
    return `${usage} — ${c.help}`;
  });
}

/** The /help embed: what the bot does, what the corpus covers, the commands (from core's table). */
export function renderHelp(documents: readonly DocumentSummary[], botAdmin = false): RenderedMessage[] {
  const lines = [
    'I brief you on diplomatic news and answer questions using only the articles I hold. Every claim carries a [n] marker pointing to a verbatim quote; when the articles do not say, I tell you so.',
    '',
    `**What I know:** ${corpusCoverage(documents, escapeText)}.`,
    '',
    '**Commands**',
    ...helpLines(botAdmin),
  ];
  return packEmbeds({ title: 'Attaché', color: COLORS.info, lines }).map((embeds) => ({ embeds, components: [] }));
}
