/**
 * `npx tsx tests/bench/profile-attache.ts [--passages N] [--out replies.json] [--profile file.cpuprofile]`:
 * the attache bench workload (warm-up, 30 questions, 11 briefings) with wall and CPU time per request,
 * the first request after start measured on its own, and every reply written out so two builds can be diffed.
 * With --profile, a CPU profile of the requests only (not the set-up) is written and summarised by phase.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { ingestInBatches } from './cases/ingest-batches.ts';
import { SEED_QUESTIONS, SEED_TOPICS } from './cases/seed-questions.ts';
import { createCorpusGenerator, DEFAULT_SEED, type SyntheticDocument } from './corpus-generator.ts';
import { loadSeedMaterial, SEEDS_DIR } from './seed-material.ts';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '0' },
    out: { type: 'string' },
    profile: { type: 'string' },
    'first-only': { type: 'boolean', default: false },
    idle: { type: 'boolean', default: false },
    'back-to-back': { type: 'boolean', default: false },
  },
});
const passages = Number(values.passages);
const dir = mkdtempSync(join(tmpdir(), 'attache-profile-'));
const config = loadConfig({
  DATABASE_PATH: join(dir, 'attache.db'),
  SEEDS_DIR,
  LOG_LEVEL: 'silent',
  ENGINE: 'extractive',
});
const app = await createApp(config, createLogger('silent'));
if (passages > 0) {
  const generator = createCorpusGenerator(loadSeedMaterial(), DEFAULT_SEED);
  const client = app.storage.sqlite?.client;
  if (!client) throw new Error('needs the SQLite store');
  const save = client.transaction((batch: readonly SyntheticDocument[]) => {
    for (const doc of batch) void app.corpus.saveDocument(doc.document, doc.passages);
  });
  ingestInBatches(generator, passages, 2_000, save, 'synthetic');
}

if (values.idle) {
  // What the bot does in idle time after start (bot/warm-up.ts), run to the end.
  const { warmUpLanguage } = await import('../../core/language/warm-up.ts');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  warmUpLanguage();
  let slices = 0;
  const prepare = (app.attache as { prepare?: () => Promise<boolean> }).prepare;
  while (prepare && (await prepare())) slices++;
  const c = process.cpuUsage(cpu0);
  console.log(
    `idle warm-up: ${slices} slices, wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`,
  );
}
const session = new Session();
if (values.profile) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  mkdirSync(values.profile, { recursive: true });
}

let call = 0;
const conversation = (): string => `console:bench-${call++}`;
interface Sample {
  kind: string;
  input: string;
  wall: number;
  cpu: number;
}
const samples: Sample[] = [];
const replies: unknown[] = [];
async function timed(kind: string, input: string, run: () => Promise<unknown>): Promise<void> {
  if (values.profile) await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const reply = await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  if (values.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(
      join(values.profile, `${String(samples.length).padStart(2, '0')}-${kind}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  samples.push({ kind, input, wall, cpu: (c.user + c.system) / 1000 });
  replies.push({ kind, input, reply });
  // A turn of the event loop between requests, as a server has (what a request left for idle time runs then).
  if (!values['back-to-back']) await new Promise((resolve) => setImmediate(resolve));
}

const WARM_UP_QUESTIONS = ['What happened in Geneva?', 'Who is Wendy Sherman?', 'What did the Kremlin say?'];
const WARM_UP_TOPICS = ['Geneva', 'Kremlin'];
for (const q of WARM_UP_QUESTIONS)
  await timed('warm-ask', q, () => app.attache.ask({ question: q, conversation: conversation() }));
if (!values['first-only']) {
  for (const t of WARM_UP_TOPICS)
    await timed('warm-brief', t, () => app.attache.brief({ topic: t, conversation: conversation() }));
  for (const q of SEED_QUESTIONS)
    await timed('ask', q, () => app.attache.ask({ question: q, conversation: conversation() }));
  for (const t of [undefined, ...SEED_TOPICS])
    await timed('brief', t ?? '', () => app.attache.brief({ topic: t, conversation: conversation() }));
}

await app.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
for (const kind of ['warm-ask', 'warm-brief', 'ask', 'brief']) {
  const ks = samples.filter((s) => s.kind === kind);
  if (ks.length === 0) continue;
  const w = ks.map((s) => s.wall);
  const c = ks.map((s) => s.cpu);
  console.log(
    `${kind.padEnd(10)} n=${ks.length} wall p50 ${pct(w, 50).toFixed(1)} p95 ${pct(w, 95).toFixed(1)} max ${pct(w, 100).toFixed(1)} | cpu p50 ${pct(c, 50).toFixed(1)} p95 ${pct(c, 95).toFixed(1)} max ${pct(c, 100).toFixed(1)} sum ${c.reduce((a, b) => a + b, 0).toFixed(0)}`,
  );
}
console.log(`first request: wall ${samples[0]?.wall.toFixed(1)} cpu ${samples[0]?.cpu.toFixed(1)}`);
if (process.env.PROFILE_VERBOSE)
  for (const s of samples) console.log(`${s.kind}\t${s.wall.toFixed(1)}\t${s.cpu.toFixed(1)}\t${s.input}`);
if (values.out) writeFileSync(values.out, JSON.stringify(replies, null, 1));
