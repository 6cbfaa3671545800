/**
 * `npm run eval:briefings [-- --verbose] [-- --json] [-- --stories a,b]`: only the briefing part of the evaluation
 * (the seeds' general and topic briefings, and one briefing per story of `../shared/corpus-dev`), so the briefing
 * can be worked on without running every question. Reports key facts covered, bullets, characters and whether
 * each bullet states one sentence; `--verbose` prints every briefing as the console shows it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderReplyText } from '../../adapters/console/render-reply.ts';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { storyOfQuestion } from './corpus-dev/dev-stories.ts';
import { loadCorpusDev } from './corpus-dev/load-corpus-dev.ts';
import { withDevApp } from './corpus-dev/with-dev-app.ts';
import { DEFAULT_SEEDS_DIR } from './evaluate.ts';
import { BRIEFING_FOLDS_FILE, EVAL_DATA_DIR, loadEvalSet } from './load-eval-set.ts';
import { attacheWithModel, loadBriefingFolds } from './model-attache.ts';
import { blockChars, containsAny } from './score.ts';

/**
 * Stories the briefing's weights may be chosen on; the others are reported as held out. Every other story in
 * alphabetical order, fixed here so the split never follows the results.
 */
export const BRIEFING_FIT_STORIES = ['bali', 'camp-david', 'grain-deal', 'karabakh', 'ohrid', 'vilnius'] as const;

export interface BriefingFigures {
  name: string;
  covered: number;
  total: number;
  missing: string[];
  status: string;
  bullets: number;
  /** Characters of bullet text, [n] markers included. */
  chars: number;
  /** Characters of the console rendering's bullet lines plus its sources line. */
  rendered: number;
  /** Bullets holding more than one sentence outside quotation marks. */
  multiClaim: number;
  title: string;
  text: string;
}

/** Sentences of a bullet outside quotation marks ("“A. B,” he said." is one). */
export function sentencesOutsideQuotes(text: string): number {
  const bare = text
    .replace(/\s*(?:\[\d+\])+\s*$/, '')
    .replace(/“[^”]*”|"[^"]*"/g, 'Q')
    .replace(
      /\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\./g,
      'X',
    );
  return bare.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.trim() !== '').length;
}

function figures(
  name: string,
  reply: Reply | null,
  facts: readonly { label: string; phrases: readonly string[] }[],
): BriefingFigures {
  const seen = reply ? [...reply.blocks.map((b) => b.text), ...reply.citations.map((c) => c.quote)] : [];
  const missing = facts.filter((f) => !seen.some((t) => containsAny(t, f.phrases))).map((f) => f.label);
  const text = reply ? renderReplyText(reply) : '';
  const lines = text.split('\n').filter((l) => l.startsWith('• ') || l.startsWith('Sources'));
  return {
    name,
    covered: facts.length - missing.length,
    total: facts.length,
    missing,
    status: reply?.status ?? 'error',
    bullets: reply?.blocks.length ?? 0,
    chars: reply ? blockChars(reply) : 0,
    rendered: lines.join('\n').length,
    multiClaim: reply ? reply.blocks.filter((b) => sentencesOutsideQuotes(b.text) > 1).length : 0,
    title: reply?.title ?? '',
    text,
  };
}

async function seedBriefings(): Promise<BriefingFigures[]> {
  const set = loadEvalSet(EVAL_DATA_DIR);
  const dir = mkdtempSync(join(tmpdir(), 'attache-brief-'));
  let app: App | undefined;
  try {
    const config = loadConfig({
      DATABASE_PATH: join(dir, 'eval.db'),
      SEEDS_DIR: DEFAULT_SEEDS_DIR,
      ENGINE: 'extractive',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, silentLogger);
    const out = [
      figures('seeds: general', await app.attache.brief({ conversation: 'console:b-g' }), set.briefings.general.facts),
    ];
    for (const [i, { topic, facts }] of set.briefings.topics.entries()) {
      const reply = await app.attache.brief({ topic, conversation: `console:b-${i}` });
      out.push(figures(`seeds: ${topic}`, reply, facts));
    }
    return out;
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One briefing per corpus-dev story, each by the briefing model fitted without that story (`npm run
 * train:briefing`), so the figures are held out; with `shipped`, by the committed model (fitted on them all).
 */
async function devBriefings(only: ReadonlySet<string> | null, shipped: boolean): Promise<BriefingFigures[] | null> {
  const dev = loadCorpusDev();
  if (!dev) return null;
  const story = storyOfQuestion(dev);
  const folds = shipped || !existsSync(BRIEFING_FOLDS_FILE) ? null : loadBriefingFolds();
  return withDevApp(dev, async (app) => {
    const out: BriefingFigures[] = [];
    for (const [i, b] of dev.questions.briefings.entries()) {
      const s = story(
        b.topic,
        undefined,
        b.facts.flatMap((f) => f.must_cite_any),
      );
      if (only && !only.has(s)) continue;
      const model = folds?.get(s);
      const api = model ? attacheWithModel(app, undefined, model) : app.attache;
      const reply = await api.brief({ topic: b.topic, conversation: `console:dev-b-${i}` });
      const facts = b.facts.map((f) => ({ label: f.fact, phrases: f.must_cite_any }));
      out.push(figures(s, reply, facts));
    }
    return out;
  });
}

const sum = (list: readonly BriefingFigures[], key: 'covered' | 'total') => list.reduce((n, b) => n + b[key], 0);

function table(rows: readonly BriefingFigures[]): string[] {
  return rows.map(
    (b) =>
      `  ${b.name.padEnd(34)} ${`${b.covered}/${b.total}`.padStart(5)}  bullets ${b.bullets}  chars ${String(b.chars).padStart(4)}  rendered ${String(b.rendered).padStart(4)}  multi-sentence ${b.multiClaim}  ${b.status}\n      title: ${b.title}`,
  );
}

function summary(label: string, rows: readonly BriefingFigures[]): string {
  const reach = rows.filter((b) => b.covered / b.total >= 0.7).length;
  return `${label}: ${sum(rows, 'covered')}/${sum(rows, 'total')} facts, ${reach}/${rows.length} stories ≥ 70 %`;
}

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', short: 'v', default: false },
    json: { type: 'boolean', default: false },
    stories: { type: 'string' },
    'no-dev': { type: 'boolean', default: false },
    shipped: { type: 'boolean', default: false },
  },
});
const only = values.stories ? new Set(values.stories.split(',')) : null;
const seeds = await seedBriefings();
const dev = values['no-dev'] ? null : await devBriefings(only, values.shipped);
if (values.json) process.stdout.write(`${JSON.stringify({ seeds, dev }, null, 2)}\n`);
else {
  const lines = ['seeds', ...table(seeds)];
  if (dev) {
    const fit = dev.filter((b) => (BRIEFING_FIT_STORIES as readonly string[]).includes(b.name));
    const held = dev.filter((b) => !(BRIEFING_FIT_STORIES as readonly string[]).includes(b.name));
    lines.push('', 'corpus-dev', ...table(dev), '', summary('fit stories', fit), summary('held-out stories', held));
  }
  if (values.verbose) {
    for (const b of [...seeds, ...(dev ?? [])]) {
      lines.push('', `── ${b.name} (${b.covered}/${b.total})`, b.text);
      if (b.missing.length > 0) lines.push(`missing: ${b.missing.join(' | ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
