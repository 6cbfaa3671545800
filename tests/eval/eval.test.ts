import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalReport, runEvaluation } from './evaluate.ts';
import { TARGETS } from './targets.ts';

// Minimum quality levels, at the targets, so quality cannot silently drop. No latency here:
// timings belong to `npm run bench` and `npm run eval -- --check`.
let report: EvalReport;

const failuresOf = (...sections: string[]) =>
  report.failures.filter((f) => sections.includes(f.section)).map((f) => `${f.id} (${f.status}): ${f.detail}`);

describe('evaluation floors (extractive engine on the seeds)', () => {
  beforeAll(async () => {
    report = await runEvaluation({ engine: 'extractive' });
  }, 120_000);

  it(`answers at least ${TARGETS.answer * 100}% of the answerable questions`, () => {
    expect(report.answer.rate, failuresOf('answerable').join('\n')).toBeGreaterThanOrEqual(TARGETS.answer);
  });

  it(`refuses (or answers partially) at least ${TARGETS.refusal * 100}% of the unanswerable questions`, () => {
    expect(report.refusal.rate, failuresOf('unanswerable').join('\n')).toBeGreaterThanOrEqual(TARGETS.refusal);
  });

  it('refuses every question that only page chrome answers', () => {
    expect(failuresOf('chrome')).toEqual([]);
    expect(report.chrome.rate).toBe(TARGETS.chrome);
  });

  it(`gets at least ${TARGETS.followups * 100}% of follow-up turns right`, () => {
    expect(report.followups.rate, failuresOf('followup').join('\n')).toBeGreaterThanOrEqual(TARGETS.followups);
  });

  it(`covers at least ${TARGETS.briefingFacts} of the 10 key facts in a short general briefing`, () => {
    const b = report.briefing;
    expect(b.status).toBe('answered');
    expect(b.covered, `missing: ${b.missing.join('; ')}`).toBeGreaterThanOrEqual(TARGETS.briefingFacts);
    expect(b.blocks).toBeGreaterThanOrEqual(TARGETS.briefingMinBlocks);
    expect(b.blocks).toBeLessThanOrEqual(TARGETS.briefingMaxBlocks);
    expect(b.chars).toBeLessThanOrEqual(TARGETS.briefingMaxChars);
  });

  it('keeps topic briefings on topic and refuses topics the corpus does not cover', () => {
    for (const b of report.topicBriefings) expect(b.status, `topic ${b.topic}`).toBe('answered');
    expect(report.topicFacts.rate, failuresOf('briefing').join('\n')).toBeGreaterThanOrEqual(TARGETS.topicFacts);
    expect(report.offTopic.rate).toBe(TARGETS.offTopic);
  });

  it('cites only verbatim article text (never page chrome) and cites every block', () => {
    expect(report.citations.total).toBeGreaterThan(0);
    expect(failuresOf('citation', 'block')).toEqual([]);
    expect(report.citations.rate).toBe(TARGETS.verbatim);
    expect(report.blocks.rate).toBe(TARGETS.blocksCited);
  });
});
