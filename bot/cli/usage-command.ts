import { parseArgs } from 'node:util';
import type { DailyUsage } from '../../core/ports/usage-store.ts';
import { createUsageRepository } from '../../db/repositories/usage-repository.ts';
import type { CliCommand } from './command.ts';
import { writeJson, writeLine } from './command.ts';

const HEADER = ['day', 'model', 'replies', 'input tokens', 'output tokens'] as const;

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A plain-text table of the daily totals with a total line, columns aligned. */
export function renderUsageTable(days: readonly DailyUsage[]): string {
  if (days.length === 0) return 'No Claude usage recorded yet.';
  const total = days.reduce(
    (sum, d) => ({
      replies: sum.replies + d.replies,
      inputTokens: sum.inputTokens + d.inputTokens,
      outputTokens: sum.outputTokens + d.outputTokens,
    }),
    { replies: 0, inputTokens: 0, outputTokens: 0 },
  );
  const rows: string[][] = [
    [...HEADER],
    ...days.map((d) => [
      d.day,
      d.model,
      formatCount(d.replies),
      formatCount(d.inputTokens),
      formatCount(d.outputTokens),
    ]),
    ['total', '', formatCount(total.replies), formatCount(total.inputTokens), formatCount(total.outputTokens)],
  ];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  // Text columns align left, numbers right.
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return ['Claude token usage per day (UTC):', ...rows.map(line)].join('\n');
}

export const usageCommand: CliCommand = {
  name: 'usage',
  usage: 'usage [--json]',
  summary: 'Claude token usage per day (replies, input and output tokens, per model)',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const days = await createUsageRepository((await context.app()).database.db).dailyTotals();
    if (values.json) writeJson(context.stdout, days);
    else writeLine(context.stdout, renderUsageTable(days));
    return 0;
  },
};
