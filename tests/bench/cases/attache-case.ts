import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../bot/app.ts';
import { loadConfig } from '../../../bot/config.ts';
import { createLogger } from '../../../bot/logger.ts';
import { warmUpLanguage } from '../../../core/language/warm-up.ts';
import type { CorpusGenerator, SyntheticDocument } from '../corpus-generator.ts';
import type { AttacheCaseResult, StoreCallShare } from '../results.ts';
import { SEEDS_DIR } from '../seed-material.ts';
import { cpuSeconds, peakRssMb, timeEach } from '../stats.ts';
import { ingestInBatches, ingestInBatchesAsync } from './ingest-batches.ts';
import { benchDatabase, vacuumAnalyze } from './postgres-case.ts';
import { SEED_QUESTIONS, SEED_TOPICS } from './seed-questions.ts';
import { timeStoreCalls } from './store-timer.ts';

/**
 * Untimed warm-up requests, different from the timed ones: the extractive engine keeps recent drafts,
 * so timing a request it has already seen would measure its cache, not its work.
 */
const WARM_UP_QUESTIONS = ['What happened in Geneva?', 'Who is Wendy Sherman?', 'What did the Kremlin say?'];
const WARM_UP_TOPICS = ['Geneva', 'Kremlin'];

/** One turn of the event loop, as a server has between requests: what a request left for idle time runs then. */
const betweenRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Milliseconds of wall and CPU time `run` takes. */
async function timeOnce(run: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = cpuSeconds();
  const start = performance.now();
  await run();
  return { ms: performance.now() - start, cpuMs: (cpuSeconds() - cpu) * 1000 };
}

/** Store calls and milliseconds per request, by method. */
function perCall(totals: Record<string, { calls: number; ms: number }>, requests: number): StoreCallShare {
  return Object.fromEntries(
    Object.entries(totals).map(([method, t]) => [method, { calls: t.calls / requests, ms: t.ms / requests }]),
  );
}

/**
 * brief/ask latency through the wired app (createApp: real migrations, seed ingest, configured offline engine,
 * conversation store) on a temporary database; with `syntheticPassages` > 0 the synthetic corpus is added to
 * the same database first. Each call uses a fresh conversation so no follow-up state carries over.
 */
export async function runAttacheCase(
  generator: CorpusGenerator,
  syntheticPassages: number,
  store: 'sqlite' | 'postgres' = 'sqlite',
): Promise<AttacheCaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  const postgres = store === 'postgres' ? await benchDatabase() : null;
  const setupStart = performance.now();
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'attache.db'),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    SEEDS_DIR,
    LOG_LEVEL: 'silent',
    ENGINE: 'extractive',
  });
  const app = await createApp(config, createLogger('silent'));
  try {
    if (syntheticPassages > 0 && postgres) {
      await ingestInBatchesAsync(
        generator,
        syntheticPassages,
        2_000,
        async (batch) => {
          await app.corpus.saveDocuments(batch);
        },
        'synthetic',
      );
      await vacuumAnalyze(postgres.url);
    } else if (syntheticPassages > 0) {
      // The SQLite store writes before its promise settles, so one synchronous transaction holds a batch.
      const client = app.storage.sqlite?.client;
      if (!client) throw new Error('the attache bench case needs the SQLite store');
      const save = client.transaction((batch: readonly SyntheticDocument[]) => {
        for (const doc of batch) void app.corpus.saveDocument(doc.document, doc.passages);
      });
      ingestInBatches(generator, syntheticPassages, 2_000, save, 'synthetic');
    }
    const setupSeconds = (performance.now() - setupStart) / 1000;
    let call = 0;
    const conversation = (): string => `console:bench-${call++}`;
    const briefs = [undefined, ...SEED_TOPICS];
    const askStatuses: Record<string, number> = {};
    const storeTimer = timeStoreCalls(app.corpus);
    // What the bot does in idle time after start (bot/warm-up.ts), run to the end and timed: the language data, the
    // corpus profile, the search's norms. Then the first question, timed on its own: no earlier request warmed it.
    const warmUp = await timeOnce(async () => {
      warmUpLanguage();
      while (await app.attache.prepare?.()) await betweenRequests();
    });
    const [firstQuestion = '', ...otherWarmUps] = WARM_UP_QUESTIONS;
    const firstAsk = await timeOnce(() => app.attache.ask({ question: firstQuestion, conversation: conversation() }));
    await betweenRequests();
    for (const question of otherWarmUps) {
      await app.attache.ask({ question, conversation: conversation() });
      await betweenRequests();
    }
    for (const topic of WARM_UP_TOPICS) {
      await app.attache.brief({ topic, conversation: conversation() });
      await betweenRequests();
    }
    storeTimer.reset();
    // Each timed request is seen once: cold figures.
    const ask = await timeEach(
      SEED_QUESTIONS,
      async (question) => {
        const reply = await app.attache.ask({ question, conversation: conversation() });
        askStatuses[reply.status] = (askStatuses[reply.status] ?? 0) + 1;
      },
      betweenRequests,
    );
    const askStore = storeTimer.snapshot();
    storeTimer.reset();
    const brief = await timeEach(
      briefs,
      (topic) => app.attache.brief({ topic, conversation: conversation() }),
      betweenRequests,
    );
    return {
      kind: 'attache',
      store,
      syntheticPassages,
      totalPassages: await app.corpus.passageCount(),
      setupSeconds,
      warmUp,
      firstAsk,
      ask,
      brief,
      askStatuses,
      storeCalls: { ask: perCall(askStore, ask.n), brief: perCall(storeTimer.snapshot(), brief.n) },
      peakRssMb: peakRssMb(),
    };
  } finally {
    await app.close();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
