import { parseArgs } from 'node:util';
import type { SubscribeInput, SubscriptionView } from '../../core/api.ts';
import type { DigestRunReport } from '../../core/digest/digest-runner.ts';
import { describeFilters } from '../../core/digest/keywords.ts';
import { parsePlatform, validateSubscription } from '../../core/digest/subscription-input.ts';
import { addDays, localDateTime } from '../../core/digest/time-zone.ts';
import { InputError } from '../../core/errors.ts';
import { createPlatforms, sendersOf } from '../platforms.ts';
import { wireDigestRunner } from '../wire-digests.ts';
import { type CliCommand, type CliContext, writeJson, writeLine } from './command.ts';
import { reportError } from './report-error.ts';

const USAGE = [
  'digest list [--json]',
  'digest subscribe --platform telegram|discord --target ID --time HH:MM [--tz Area/City] [--topic T] [--guild ID]\n' +
    '                   [--include WORDS] [--exclude WORDS] [--when-empty notice|silent] [--now] [--json]',
  'digest unsubscribe --platform telegram|discord --target ID [--json]',
  'digest run-due [--at ISO-8601] [--json]',
].join('\n       ');

const OPTIONS = {
  json: { type: 'boolean', default: false },
  platform: { type: 'string' },
  target: { type: 'string' },
  time: { type: 'string' },
  tz: { type: 'string' },
  topic: { type: 'string' },
  guild: { type: 'string' },
  at: { type: 'string' },
  now: { type: 'boolean', default: false },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'when-empty': { type: 'string' },
} as const;

const HELP = `
  list         the active subscriptions, each with its next digest
  subscribe    subscribe a Telegram chat or Discord channel to a daily digest at HH:MM in --tz (default UTC).
               Subscribed after today's time, the first digest comes tomorrow; --now makes it today's
               (posted at the next run-due, or within a minute while npm start runs). Prints when it comes.
               Telegram groups have negative ids: --target -1001234567890 (or --target=-100…) both work.
               A digest lists the stories added since the last one, each once with all its outlets.
               --include "arms control, nato" shows only stories with one of these words or phrases,
               --exclude "sport" leaves out stories with any of them (plain words, case and accents ignored;
               repeat the option or separate with commas). --when-empty silent posts nothing on days without
               a new story (default notice: one short line). Subscribing again replaces every option.
  unsubscribe  stop a subscription
  run-due      post every digest due now and exit (for cron; npm start does this every minute by itself).
               --at ISO-8601 acts as if it were that instant (e.g. 2026-03-29T08:00:00Z or 2026-03-29T10:00+02:00):
               it really posts what is due then, and records each digest it posts or skips, so neither the
               scheduler nor a later run-due posts it again.`;

/** \`--target -100…\`: parseArgs reads a value starting with "-" as an option; a negative number is a value. */
function joinNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const option = OPTIONS[arg.replace(/^--/, '') as keyof typeof OPTIONS];
    if (arg.startsWith('--') && option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** "tomorrow, Thursday 3 December 2026 at 08:00 Europe/Berlin (in 16 h 5 min)". */
export function firstDigestText(view: SubscriptionView, now: Date): string {
  if (!view.nextRunAt) return 'no digest is scheduled';
  const next = new Date(view.nextRunAt);
  const local = localDateTime(next, view.timezone);
  const today = localDateTime(now, view.timezone).date;
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: view.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(next);
  const minutes = Math.max(0, Math.round((next.getTime() - now.getTime()) / 60_000));
  if (minutes === 0)
    return `today, now (${view.localTime} ${view.timezone} has passed): at the next run-due, or within a minute while npm start runs`;
  const relative = local.date === today ? 'today' : local.date === addDays(today, 1) ? 'tomorrow' : 'on';
  const wait = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return `${relative}, ${day} at ${local.time} ${view.timezone} (in ${wait})`;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];

/** `--at`: an ISO-8601 instant with an explicit zone, so the same command means the same instant everywhere. */
async function parseInstant(text: string | undefined, context: CliContext): Promise<Date> {
  if (text === undefined) return (await context.app()).clock.now();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
  const at = new Date(text);
  if (!iso.test(text.trim()) || Number.isNaN(at.getTime())) {
    throw new InputError(
      'bad_instant',
      `"${text}" is not an ISO-8601 instant. Give a date, time and zone, e.g. 2026-03-29T08:00:00Z or 2026-03-29T10:00+02:00.`,
    );
  }
  return at;
}

function describe(view: SubscriptionView): string {
  const topic = view.topic ? `, topic "${view.topic}"` : '';
  const guild = view.guildId ? ` (guild ${view.guildId})` : '';
  let next = 'no next run';
  if (view.nextRunAt) {
    const local = localDateTime(new Date(view.nextRunAt), view.timezone);
    next = `next ${local.date} ${local.time} ${view.timezone} (${view.nextRunAt})`;
  }
  const last = view.lastRun
    ? `; last ${view.lastRun.localDate} ${view.lastRun.status}${view.lastRun.error ? ` (${view.lastRun.error})` : ''}`
    : '';
  const filters = describeFilters(view);
  return `#${view.id} ${view.platform}:${view.targetId}${guild} daily at ${view.localTime} ${view.timezone}${topic}; ${next}${last}${filters ? `\n   ${filters}` : ''}`;
}

function describeReport(report: DigestRunReport): string[] {
  if (report.items.length === 0) return [`Nothing due at ${report.at}.`];
  const counts = new Map<string, number>();
  for (const item of report.items) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const summary = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  const lines = [`run-due at ${report.at}: ${summary}`];
  for (const i of report.items) {
    const detail = [
      i.attempts > 0 ? `${i.attempts} attempt${i.attempts === 1 ? '' : 's'}` : null,
      i.late ? 'late' : null,
      i.nothingNew ? 'nothing new' : null,
      i.messageIds?.length ? `messages ${i.messageIds.join(',')}` : null,
      i.reason ?? null,
    ].filter((d): d is string => d !== null);
    lines.push(`  ${i.outcome.padEnd(9)} ${i.platform}:${i.targetId} ${i.localDate}  ${detail.join('; ')}`.trimEnd());
  }
  return lines;
}

async function execute(sub: string, values: Values, context: CliContext): Promise<number> {
  const { json, stdout } = { json: values.json, stdout: context.stdout };
  switch (sub) {
    case 'list': {
      const views = await (await context.app()).digests.list();
      if (json) writeJson(stdout, views);
      else if (views.length === 0) writeLine(stdout, 'No active digest subscriptions.');
      else for (const view of views) writeLine(stdout, describe(view));
      return 0;
    }
    case 'subscribe': {
      const input: SubscribeInput = {
        platform: values.platform as SubscribeInput['platform'],
        targetId: values.target ?? '',
        guildId: values.guild ?? null,
        localTime: values.time ?? '',
        timezone: values.tz ?? '',
        topic: values.topic ?? null,
        createdBy: 'cli',
        firstToday: values.now,
        includeKeywords: (values.include ?? []).join(','),
        excludeKeywords: (values.exclude ?? []).join(','),
        whenEmpty: (values['when-empty'] ?? null) as SubscribeInput['whenEmpty'],
      };
      // Before the database is even opened: bad input writes nothing.
      validateSubscription(input, createPlatforms(context.config));
      const view = await (await context.app()).digests.subscribe(input);
      if (json) writeJson(stdout, view);
      else {
        writeLine(stdout, `Subscribed: ${describe(view)}`);
        writeLine(stdout, `First digest: ${firstDigestText(view, (await context.app()).clock.now())}.`);
      }
      return 0;
    }
    case 'unsubscribe': {
      const platform = parsePlatform(values.platform, createPlatforms(context.config)).name;
      const targetId = values.target?.trim() ?? '';
      const result = await (await context.app()).digests.unsubscribe({ platform, targetId });
      if (json) writeJson(stdout, result);
      else
        writeLine(
          stdout,
          result.removed
            ? `Unsubscribed ${platform}:${targetId}.`
            : `No active subscription for ${platform}:${targetId}.`,
        );
      return 0;
    }
    case 'run-due': {
      const at = await parseInstant(values.at, context);
      const runner = wireDigestRunner(await context.app(), context.logger);
      const report = await runner.runDue(at, sendersOf((await context.app()).platforms));
      if (json) writeJson(stdout, report);
      else for (const line of describeReport(report)) writeLine(stdout, line);
      return 0;
    }
    default:
      throw new InputError('usage', `Unknown digest command${sub ? ` "${sub}"` : ''}. Usage: ${USAGE}`);
  }
}

export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest list | subscribe | unsubscribe | run-due [--at ISO-8601]',
  summary: 'daily digest subscriptions; run-due posts what is due (for cron)',
  help: HELP,
  async run(args, context) {
    const [sub = '', ...rest] = args;
    const json = args.includes('--json');
    try {
      let values: Values;
      try {
        values = parseArgs({ args: joinNegativeValues(rest), options: OPTIONS, strict: true }).values;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new InputError('usage', `${message}\nUsage: ${USAGE}`);
      }
      return await execute(sub, values, context);
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
