/**
 * `npm run eval [-- --verbose] [-- --check] [-- --json]`: runs the evaluation set against a fresh app and prints
 * the figures. Always exits 0 (it is a report) unless `--check` is given and a target is missed.
 */
import { parseArgs } from 'node:util';
import { runEvaluation } from './evaluate.ts';
import { formatReport } from './format-report.ts';
import { formatHeldOut, runHeldOut } from './held-out.ts';
import { checkTargets } from './targets.ts';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', short: 'v', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const report = await runEvaluation();
const checks = checkTargets(report, { latency: values.check });
const heldOut = await runHeldOut({ shipped: report });
if (values.json) process.stdout.write(`${JSON.stringify({ ...report, targets: checks, heldOut }, null, 2)}\n`);
else {
  process.stdout.write(`${formatReport(report, checks, { verbose: values.verbose })}\n\n${formatHeldOut(heldOut)}\n`);
  if (values.verbose && heldOut.devFolds) {
    const lines = heldOut.devFolds.failures.map(
      (f) => `  [${f.section}] ${f.id} (${f.story}) ${f.status}: ${f.question}\n      first quote: ${f.quote ?? '—'}`,
    );
    process.stdout.write(`\ncorpus-dev failures, held-out folds (${lines.length}):\n${lines.join('\n')}\n`);
    process.stdout.write(
      `\nchrome quoted (${heldOut.devFolds.chromeQuotes.length}):\n${heldOut.devFolds.chromeQuotes.map((q) => `  ${q}`).join('\n')}\n`,
    );
  }
}

const missed = checks.filter((c) => c.pass === false);
if (values.check && missed.length > 0) {
  process.stderr.write(`eval: ${missed.length} target(s) missed: ${missed.map((c) => c.name).join(', ')}\n`);
  process.exitCode = 1;
}
