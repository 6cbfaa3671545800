import { describe, expect, it } from 'vitest';
import { renderWhyText } from '../../core/analysis/why.ts';
import { fakeClock, seededCore } from '../core/core-fixture.ts';

describe('why', () => {
  it('explains the last reply from what the turn recorded in SQLite', async () => {
    // Replies are made after the seeds were ingested (ingest stamps real time).
    const { attache, store } = await seededCore({ clock: fakeClock(new Date(Date.now() + 60_000).toISOString()) });
    const conversation = 'console:why';
    expect(await attache.why({ conversation })).toBeNull();
    const reply = await attache.ask({ question: 'What did Ryabkov say about concessions?', conversation });
    const report = await attache.why({ conversation });
    expect(report).not.toBeNull();
    if (!report) return;
    expect(report.request).toBe('What did Ryabkov say about concessions?');
    expect(report.engine).toBe('extractive');
    expect(report.model).toBe('core/engines/extractive/answer-model.json');
    expect(report.corpus).toMatchObject({ documents: 5, passages: await store.passageCount(), changedSince: false });
    expect(report.corpus.newestIngest).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(report.passages.map((p) => p.rank)).toEqual(report.passages.map((_, i) => i + 1));
    const cited = report.passages.filter((p) => p.cited).map((p) => p.passageId);
    expect(new Set(cited)).toEqual(new Set(reply.citations.map((c) => c.passageId)));
    for (const p of report.passages.filter((x) => !x.cited)) expect(p.reason).toEqual(expect.any(String));
    expect(report.passages[0]?.score).toBeGreaterThan(0);
    expect(renderWhyText(report)).toContain('Question: What did Ryabkov say about concessions?');
  });

  it('records the resolved follow-up and the model of the engine that answered', async () => {
    const claude = {
      name: 'claude' as const,
      model: 'claude-test-model',
      compose: async () => {
        throw new Error('offline');
      },
    };
    const { attache } = await seededCore({ engine: claude });
    const conversation = 'console:why2';
    await attache.ask({ question: 'Who led the US delegation?', conversation });
    const first = await attache.why({ conversation });
    // Claude failed, so the extractive fallback answered: its answer-model file is the model reported.
    expect(first?.engine).toBe('extractive');
    expect(first?.model).toBe('core/engines/extractive/answer-model.json');
  });
});
