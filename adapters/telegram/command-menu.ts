/**
 * Core's command table as Telegram sees it: the digest actions are commands of their own
 * (/subscribe, /unsubscribe, /digest), arguments are typed after the command. The menu
 * (setMyCommands) and the /help lines are generated here from the table, nothing is listed twice.
 */
import type { BotCommand } from 'grammy/types';
import { type ArgumentSpec, COMMANDS, type CommandSpec } from '../../core/commands/command-table.ts';

/** A Telegram command bound to a table entry (and one of its actions, for the digest). */
export interface TelegramCommand {
  command: string;
  spec: CommandSpec;
  action?: string;
}

/** Telegram names of the digest actions: each is a command of its own. */
const DIGEST_COMMANDS: Record<string, string> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  status: 'digest',
};

/** Every command as Telegram binds it, in the table's order. */
export const TELEGRAM_COMMANDS: readonly TelegramCommand[] = COMMANDS.flatMap((spec): TelegramCommand[] =>
  spec.name === 'digest'
    ? (spec.actions ?? []).map((a) => ({ command: DIGEST_COMMANDS[a.name] ?? a.name, spec, action: a.name }))
    : [{ command: spec.name, spec }],
);

function summaryOf(c: TelegramCommand): string {
  return c.action ? (c.spec.actions?.find((a) => a.name === c.action)?.summary ?? c.spec.summary) : c.spec.summary;
}

function argumentsOf(c: TelegramCommand): readonly ArgumentSpec[] {
  if (c.spec.name === 'feeds') return [];
  return c.action ? (c.spec.actions?.find((a) => a.name === c.action)?.arguments ?? []) : c.spec.arguments;
}

/** What setMyCommands announces: everyone's commands, plus /feeds for BOT_ADMINS (`withAdmin`). */
export function botCommands(withAdmin = false): BotCommand[] {
  return TELEGRAM_COMMANDS.filter((c) => withAdmin || c.spec.audience !== 'bot-admins').map((c) => ({
    command: c.command,
    description: summaryOf(c),
  }));
}

/** The menu for everyone (setMyCommands with the default scope). */
export const BOT_COMMANDS: BotCommand[] = botCommands();

/** How Telegram users type the subscription's options (see subscribe-args.ts). */
const SUBSCRIBE_USAGE = '/subscribe HH:MM [Area/City] [topic] [+word] [-word] [--silent]';

/** "/ask <question>", "/timeline [topic]". */
function usage(c: TelegramCommand): string {
  if (c.command === 'subscribe') return SUBSCRIBE_USAGE;
  const args = argumentsOf(c).map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`));
  if (c.spec.name === 'feeds') args.push('[add <url> | remove <feed>]');
  return [`/${c.command}`, ...args].join(' ');
}

/** The /help lines: usage and what it does, generated from the table; /feeds only for BOT_ADMINS. */
export function helpLines(withAdmin: boolean): string[] {
  return TELEGRAM_COMMANDS.filter((c) => c.spec.name !== 'help')
    .filter((c) => withAdmin || c.spec.audience !== 'bot-admins')
    .map((c) => `${usage(c)} — ${c.action ? summaryOf(c).toLowerCase() : c.spec.help}`);
}
