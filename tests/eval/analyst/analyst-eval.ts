/**
 * Evaluation of the analyst tools (issue 14), reported as rates beside the main evaluation:
 * date resolution, calendar dates in "when" answers, disagreements between outlets (and silence
 * when they agree), attribution kinds, the timeline of the seeds, and `/why` records.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, createApp } from '../../../bot/app.ts';
import { loadConfig } from '../../../bot/config.ts';
import { attributeSentence } from '../../../core/analysis/attribution.ts';
import { resolveDates } from '../../../core/language/dates.ts';
import { silentLogger } from '../../../core/ports/logger.ts';
import type { Reply } from '../../../core/reply.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEEDS_DIR = join(HERE, '..', '..', '..', 'seeds');
/** Fictional articles whose outlets disagree on a duration, a count and a speaker. */
const FIXTURE_DIR = join(HERE, 'corpus');

interface Items {
  dates: { text: string; publishedAt: string | null; phrase: string; date: string | null }[];
  whenQuestions: { id: string; q: string; date: string }[];
  fixtureWhen: { id: string; q: string; date: string }[];
  disagreements: { id: string; q: string; values: string[] }[];
  agreements: { id: string; q: string }[];
  attribution: { sentence: string; kind: string; speaker?: string }[];
  timeline: { date: string; phrase: string }[];
}

export interface AnalystRate {
  correct: number;
  total: number;
  rate: number;
}

export interface AnalystReport {
  /** Relative and explicit dates resolved to the right calendar day (none for an undated article). */
  dateResolution: AnalystRate;
  /** "When" answers that state the calendar date. */
  whenAnswers: AnalystRate;
  /** Questions where outlets disagree whose reply cites at least two of the differing values. */
  disagreementsFound: AnalystRate;
  /** Questions where outlets agree whose reply reports no disagreement. */
  agreementsQuiet: AnalystRate;
  /** Sentences given the right attribution kind (and speaker, when named). */
  attribution: AnalystRate;
  /** Expected dated events of the seeds on the timeline, in date order, each cited verbatim. */
  timeline: AnalystRate;
  /** Replies whose `/why` record marks exactly the cited passages as cited. */
  why: AnalystRate;
  failures: string[];
}

function rate(results: boolean[]): AnalystRate {
  const correct = results.filter(Boolean).length;
  return { correct, total: results.length, rate: results.length === 0 ? 1 : correct / results.length };
}

function openApp(seedsDir: string, dir: string, name: string): Promise<App> {
  const config = loadConfig({
    DATABASE_PATH: join(dir, `${name}.db`),
    SEEDS_DIR: seedsDir,
    ENGINE: 'extractive',
    LOG_LEVEL: 'silent',
  });
  return createApp(config, silentLogger);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether the reply's disagreements name at least two of the expected values, each with citations. */
function citesDiffering(reply: Reply, values: readonly string[]): boolean {
  const versions = (reply.disagreements ?? []).flatMap((d) => d.values);
  const found = values.filter((v) =>
    versions.some((x) => x.citations.length > 0 && squash(x.text).includes(squash(v))),
  );
  return found.length >= 2;
}

async function evaluateApps(items: Items, seeds: App, fixture: App, failures: string[]) {
  const when: boolean[] = [];
  for (const [app, list] of [
    [seeds, items.whenQuestions],
    [fixture, items.fixtureWhen],
  ] as const) {
    for (const item of list) {
      const reply = await app.attache.ask({ question: item.q, conversation: `console:eval-when-${item.id}` });
      const ok = reply.status !== 'refused' && reply.text.includes(item.date);
      if (!ok) failures.push(`when ${item.id}: "${item.q}" lacks ${item.date}`);
      when.push(ok);
    }
  }

  const found: boolean[] = [];
  for (const item of items.disagreements) {
    const reply = await fixture.attache.ask({ question: item.q, conversation: `console:eval-dis-${item.id}` });
    const ok = citesDiffering(reply, item.values);
    if (!ok) failures.push(`disagreement ${item.id}: "${item.q}" does not cite ${item.values.join(' / ')}`);
    found.push(ok);
  }
  const quiet: boolean[] = [];
  for (const item of items.agreements) {
    const reply = await fixture.attache.ask({ question: item.q, conversation: `console:eval-agree-${item.id}` });
    const disputedDates = (reply.disagreements ?? []).filter((d) => d.about.startsWith('the date'));
    const ok = disputedDates.length === 0;
    if (!ok) failures.push(`agreement ${item.id}: "${item.q}" reports ${disputedDates.map((d) => d.about).join('; ')}`);
    quiet.push(ok);
  }

  const timeline = await seeds.attache.timeline({});
  const dates = timeline.entries.map((e) => e.date);
  const ordered = dates.every((d, i) => i === 0 || (dates[i - 1] as string) <= d);
  let verbatim = true;
  for (const c of timeline.entries.flatMap((e) => e.citations)) {
    const article = (await seeds.corpus.getDocument(c.documentId))?.articleText ?? '';
    if (!squash(article).includes(squash(c.quote))) verbatim = false;
  }
  const events = items.timeline.map((item) => {
    const ok = timeline.entries.some((e) => e.date === item.date && squash(e.text).includes(squash(item.phrase)));
    if (!ok) failures.push(`timeline: no ${item.date} entry with "${item.phrase}"`);
    return ok && ordered && verbatim;
  });

  const why: boolean[] = [];
  for (const item of items.whenQuestions) {
    const conversation = `console:eval-why-${item.id}`;
    const reply = await seeds.attache.ask({ question: item.q, conversation });
    const report = await seeds.attache.why({ conversation });
    const cited = new Set(reply.citations.map((c) => c.passageId));
    const marked = new Set((report?.passages ?? []).filter((p) => p.cited).map((p) => p.passageId));
    const ok = report !== null && cited.size === marked.size && [...cited].every((id) => marked.has(id));
    if (!ok) failures.push(`why ${item.id}: cited passages and the record differ`);
    why.push(ok);
  }
  return { when, found, quiet, events, why };
}

/** Runs the analyst evaluation on fresh apps over the seeds and the disagreement fixture. */
export async function runAnalystEvaluation(): Promise<AnalystReport> {
  const items = JSON.parse(readFileSync(join(HERE, 'analyst-items.json'), 'utf8')) as Items;
  const failures: string[] = [];

  const dateResults = items.dates.map((item) => {
    const mention = resolveDates(item.text, item.publishedAt).find(
      (m) =>
        m.text.toLowerCase().includes(item.phrase.toLowerCase()) ||
        item.phrase.toLowerCase().includes(m.text.toLowerCase()),
    );
    const ok = item.date === null ? mention === undefined : mention?.from === item.date;
    if (!ok) failures.push(`date "${item.phrase}" in "${item.text.slice(0, 60)}…": got ${mention?.from ?? 'none'}`);
    return ok;
  });

  const attributionResults = items.attribution.map((item) => {
    const got = attributeSentence(item.sentence);
    const ok = got.kind === item.kind && (!item.speaker || (got.speaker ?? '').includes(item.speaker));
    if (!ok) failures.push(`attribution "${item.sentence.slice(0, 60)}…": got ${got.kind} ${got.speaker ?? ''}`);
    return ok;
  });

  const dir = mkdtempSync(join(tmpdir(), 'attache-analyst-eval-'));
  let seeds: App | undefined;
  let fixture: App | undefined;
  try {
    seeds = await openApp(SEEDS_DIR, dir, 'seeds');
    fixture = await openApp(FIXTURE_DIR, dir, 'fixture');
    const r = await evaluateApps(items, seeds, fixture, failures);
    return {
      dateResolution: rate(dateResults),
      whenAnswers: rate(r.when),
      disagreementsFound: rate(r.found),
      agreementsQuiet: rate(r.quiet),
      attribution: rate(attributionResults),
      timeline: rate(r.events),
      why: rate(r.why),
      failures,
    };
  } finally {
    seeds?.close();
    fixture?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report as lines for `npm run eval`. */
export function formatAnalystReport(report: AnalystReport, verbose: boolean): string {
  const pct = (r: AnalystRate) => `${(r.rate * 100).toFixed(0)}% (${r.correct}/${r.total})`;
  const lines = [
    'Analyst tools',
    `  date resolution        ${pct(report.dateResolution)}`,
    `  "when" answers dated   ${pct(report.whenAnswers)}`,
    `  disagreements cited    ${pct(report.disagreementsFound)}`,
    `  agreements left quiet  ${pct(report.agreementsQuiet)}`,
    `  attribution kinds      ${pct(report.attribution)}`,
    `  timeline events        ${pct(report.timeline)}`,
    `  /why records           ${pct(report.why)}`,
  ];
  if (verbose) for (const f of report.failures) lines.push(`    - ${f}`);
  return lines.join('\n');
}
