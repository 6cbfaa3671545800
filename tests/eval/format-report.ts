import type { EvalReport, Failure, Rate } from './evaluate.ts';
import type { TargetCheck } from './targets.ts';

const pct = (r: Rate) => `${r.correct}/${r.total} ${(r.rate * 100).toFixed(1)}%`;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function failureLine(f: Failure): string {
  const quote = f.firstQuote === null ? '—' : `"${shorten(f.firstQuote, 110)}"`;
  return `  [${f.section}] ${f.id}: ${f.question}\n      status=${f.status}  ${f.detail}\n      first quote: ${quote}`;
}

/** The evaluation as a plain-text table; with `verbose`, every failure with its status and first quote. */
export function formatReport(report: EvalReport, checks: TargetCheck[], options: { verbose: boolean }): string {
  const mark = (pass: boolean | null) => (pass === null ? '—' : pass ? 'ok' : 'BELOW');
  const rows = [['metric', 'value', 'target', ''], ...checks.map((c) => [c.name, c.value, c.target, mark(c.pass)])];
  const info = [
    ['follow-up chains fully right', pct(report.followupChains)],
    ['quoted spans verbatim (info)', pct(report.quotedSpans)],
    ...report.topicBriefings.map((b) => [
      `topic "${b.topic}"`,
      `${b.covered}/${b.total} facts, ${b.blocks} blocks, ${b.chars} chars, ${b.status}`,
    ]),
    ['asks / briefs timed', `${report.latency.ask.count} / ${report.latency.brief.count}`],
  ];
  const lines = [`Attaché evaluation — engine: ${report.engine}`, '', table(rows), '', table(info)];
  if (report.briefing.missing.length > 0) lines.push('', `briefing missed: ${report.briefing.missing.join('; ')}`);
  if (options.verbose && report.failures.length > 0) {
    lines.push('', `failures (${report.failures.length}):`, ...report.failures.map(failureLine));
  } else if (report.failures.length > 0) {
    lines.push('', `${report.failures.length} failure(s); run with --verbose to list them.`);
  }
  return lines.join('\n');
}
