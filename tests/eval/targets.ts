import type { EvalReport, Rate } from './evaluate.ts';

/** The targets (issue 3). The vitest floors and `npm run eval -- --check` both use these. */
export const TARGETS = {
  answer: 0.9,
  refusal: 0.9,
  chrome: 1,
  followups: 0.85,
  briefingFacts: 8,
  briefingMinBlocks: 3,
  briefingMaxBlocks: 6,
  briefingMaxChars: 1200,
  /** Our own floor: topic briefings must be about their topic. */
  topicFacts: 0.6,
  offTopic: 1,
  verbatim: 1,
  blocksCited: 1,
  /** Latency on the seeds; checked by `--check` only, never in vitest (no timed assertions). */
  p95Ms: 50,
} as const;

/**
 * Floors on held-out figures (each story answered by a model fitted without it), a little under what
 * `npm run eval` measures, so a change that loses quality on unseen stories fails. Raise them with the figures.
 */
export const HELD_OUT_FLOORS = {
  // Seeds refusal: 20 questions, one is 5 points. 0.7 was met by one lucky committed model; `npm run train` is
  // reproducible now and its fit refuses 13 of 20, as a fresh fit of the earlier features did too.
  seeds: { answer: 0.76, refusal: 0.7, chrome: 1, followups: 0.85 },
  dev: {
    answer: 0.28,
    refusal: 0.85,
    chrome: 0.9,
    followups: 0.24,
    recall30: 0.84,
    chromeCitations: 2,
    briefingFacts: 0.5,
  },
} as const;

export interface TargetCheck {
  name: string;
  value: string;
  target: string;
  /** null when the target was not checked (latency without `--check`). */
  pass: boolean | null;
}

const pct = (r: Rate) => `${r.correct}/${r.total} ${(r.rate * 100).toFixed(1)}%`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Every target with the report's value and whether it is met; latency only when asked. */
export function checkTargets(report: EvalReport, options: { latency: boolean }): TargetCheck[] {
  const b = report.briefing;
  const checks: TargetCheck[] = [
    { name: 'answer accuracy', value: pct(report.answer), target: '≥ 90%', pass: report.answer.rate >= TARGETS.answer },
    {
      name: 'refusal accuracy',
      value: pct(report.refusal),
      target: '≥ 90%',
      pass: report.refusal.rate >= TARGETS.refusal,
    },
    { name: 'chrome refused', value: pct(report.chrome), target: '100%', pass: report.chrome.rate >= TARGETS.chrome },
    {
      name: 'follow-up accuracy (turns)',
      value: pct(report.followups),
      target: '≥ 85%',
      pass: report.followups.rate >= TARGETS.followups,
    },
    {
      name: 'briefing key facts',
      value: `${b.covered}/${b.total}`,
      target: `≥ ${TARGETS.briefingFacts}`,
      pass: b.covered >= TARGETS.briefingFacts,
    },
    { name: 'briefing status', value: b.status, target: 'answered', pass: b.status === 'answered' },
    {
      name: 'briefing blocks',
      value: String(b.blocks),
      target: `${TARGETS.briefingMinBlocks}–${TARGETS.briefingMaxBlocks}`,
      pass: b.blocks >= TARGETS.briefingMinBlocks && b.blocks <= TARGETS.briefingMaxBlocks,
    },
    {
      name: 'briefing characters',
      value: String(b.chars),
      target: `≤ ${TARGETS.briefingMaxChars}`,
      pass: b.chars > 0 && b.chars <= TARGETS.briefingMaxChars,
    },
    {
      name: 'topic briefing facts',
      value: pct(report.topicFacts),
      target: '≥ 60%',
      pass: report.topicFacts.rate >= TARGETS.topicFacts,
    },
    {
      name: 'off-topic briefings refused',
      value: pct(report.offTopic),
      target: '100%',
      pass: report.offTopic.rate >= TARGETS.offTopic,
    },
    {
      name: 'citations verbatim',
      value: pct(report.citations),
      target: '100%',
      pass: report.citations.rate >= TARGETS.verbatim,
    },
    {
      name: 'blocks cited',
      value: pct(report.blocks),
      target: '100%',
      pass: report.blocks.rate >= TARGETS.blocksCited,
    },
  ];
  const { ask, brief } = report.latency;
  checks.push(
    {
      name: 'ask latency p50 / p95',
      value: `${ms(ask.p50)} / ${ms(ask.p95)}`,
      target: `p95 ≤ ${TARGETS.p95Ms} ms`,
      pass: options.latency ? ask.p95 <= TARGETS.p95Ms : null,
    },
    {
      name: 'brief latency p50 / p95',
      value: `${ms(brief.p50)} / ${ms(brief.p95)}`,
      target: `p95 ≤ ${TARGETS.p95Ms} ms`,
      pass: options.latency ? brief.p95 <= TARGETS.p95Ms : null,
    },
  );
  return checks;
}
