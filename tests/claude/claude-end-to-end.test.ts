import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import type { Reply } from '../../core/reply.ts';
import { createUsageRepository } from '../../db/repositories/usage-repository.ts';
import { apiError, type FakeAnthropic, searchResultsOf, slow, startFakeAnthropic } from '../fakes/anthropic.ts';
import { bufferLogger, SEEDS_PATH, TEST_API_KEY } from './seeded-corpus.ts';
import { expectSentenceBlocks } from './sentence-blocks.ts';

const QUESTION = 'What did Ryabkov say about concessions?';
let fake: FakeAnthropic;
let app: App | undefined;
let logs: ReturnType<typeof bufferLogger>;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  logs = bufferLogger();
});
afterEach(() => {
  app?.close();
  app = undefined;
  expect(logs.output()).not.toContain(TEST_API_KEY);
});

/** The app as `npm start` wires it, with ENGINE=claude pointed at the fake. */
async function claudeApp(timeoutMs: number): Promise<App> {
  const config = loadConfig({
    ENGINE: 'claude',
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_TIMEOUT_MS: String(timeoutMs),
    DATABASE_PATH: ':memory:',
    SEEDS_DIR: SEEDS_PATH,
  });
  app = await createApp(config, logs.logger);
  return app;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every quote is a verbatim span of its document's article text. */
async function expectVerbatimQuotes(opened: App, reply: Reply) {
  expect(reply.citations.length).toBeGreaterThan(0);
  for (const citation of reply.citations) {
    const document = await opened.corpus.getDocument(citation.documentId);
    expect(normalized(document?.articleText ?? '')).toContain(normalized(citation.quote));
  }
  for (const block of reply.blocks) expect(block.citations.length).toBeGreaterThan(0);
}

describe('ENGINE=claude end to end', () => {
  it('answers with Claude from the retrieved passages, citing verbatim quotes, and records the tokens', async () => {
    const opened = await claudeApp(2_000);
    const reply = await opened.attache.ask({ question: QUESTION, conversation: 'test:claude' });

    expect(reply.engine).toBe('claude');
    expect(reply.status).toBe('answered');
    expectVerbatimQuotes(opened, reply);

    expect(fake.requests).toHaveLength(1);
    const results = searchResultsOf(fake.requests[0]?.body ?? { model: '', max_tokens: 0, messages: [] });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.citations).toEqual({ enabled: true });
      const [stored] = await opened.corpus.getPassages([result.source]);
      expectSentenceBlocks(result.content, stored?.text ?? '');
    }
    // Every citation of the reply names a passage that was sent.
    const sent = new Set(results.map((r) => r.source));
    for (const citation of reply.citations) expect(sent.has(citation.passageId)).toBe(true);

    const [today] = await createUsageRepository(opened.database.db).dailyTotals();
    expect(today).toMatchObject({ replies: 1, model: fake.requests[0]?.body.model });
    expect(today?.inputTokens).toBeGreaterThan(0);
  });

  it('sends the earlier turn along with a follow-up', async () => {
    const opened = await claudeApp(2_000);
    await opened.attache.ask({ question: QUESTION, conversation: 'test:follow-up' });
    await opened.attache.ask({ question: 'And what did Washington say?', conversation: 'test:follow-up' });

    expect(fake.requests).toHaveLength(2);
    const messages = fake.requests[1]?.body.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[0]?.content).toBe(QUESTION);
  });

  it('falls back to the extractive engine, with a note and verbatim citations, when the API fails with 500', async () => {
    fake.fallback = apiError(500, 'api_error', 'Internal server error', { 'retry-after-ms': '5' });
    const opened = await claudeApp(2_000);
    const reply = await opened.attache.ask({ question: QUESTION, conversation: 'test:500' });

    expect(fake.requests).toHaveLength(3);
    expect(reply.engine).toBe('extractive');
    expect(reply.status).toBe('answered');
    expect(reply.note).toBeTruthy();
    expectVerbatimQuotes(opened, reply);
    expect(JSON.stringify(reply)).not.toMatch(/stack|InternalServerError|at .*\.ts:\d+/);
  });

  it('falls back to the extractive engine when Claude is slower than ANTHROPIC_TIMEOUT_MS', async () => {
    fake.fallback = slow(3_000);
    const opened = await claudeApp(300);
    const reply = await opened.attache.ask({ question: QUESTION, conversation: 'test:timeout' });

    expect(reply.engine).toBe('extractive');
    expect(reply.status).toBe('answered');
    expect(reply.note).toBeTruthy();
    expectVerbatimQuotes(opened, reply);
  });
});
