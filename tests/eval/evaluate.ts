import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import type { AttacheApi } from '../../core/api.ts';
import type { AnswerModel } from '../../core/engines/extractive/answer-model.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import type { Reply, ReplyStatus } from '../../core/reply.ts';
import { type BriefingFact, EVAL_DATA_DIR, type FollowupTurn, loadEvalSet } from './load-eval-set.ts';
import { attacheWithModel } from './model-attache.ts';
import {
  answerMatches,
  blockChars,
  type CitationContext,
  citationProblems,
  containsAny,
  declined,
  percentile,
  quotedSpans,
  showsChrome,
  uncitedBlocks,
} from './score.ts';
import { loadSeedTexts, normalizeSpace } from './seed-text.ts';

export const DEFAULT_SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

export interface Rate {
  correct: number;
  total: number;
  /** correct / total; 1 when total is 0. */
  rate: number;
}

export type Section = 'answerable' | 'unanswerable' | 'chrome' | 'followup' | 'briefing' | 'citation' | 'block';

export interface Failure {
  section: Section;
  id: string;
  question: string;
  status: ReplyStatus | 'error';
  firstQuote: string | null;
  detail: string;
}

export interface BriefingResult {
  topic: string | null;
  status: ReplyStatus | 'error';
  covered: number;
  total: number;
  /** Labels of the key facts the briefing missed. */
  missing: string[];
  blocks: number;
  /** Characters of the blocks' text, [n] markers included. */
  chars: number;
}

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface EvalReport {
  engine: string;
  answer: Rate;
  /** Unanswerable questions that were refused or partial. */
  refusal: Rate;
  /** Chrome-only questions that were refused without showing chrome. */
  chrome: Rate;
  /** Follow-up turns, each judged on its own. */
  followups: Rate;
  /** Follow-up chains with every turn right. */
  followupChains: Rate;
  briefing: BriefingResult;
  topicBriefings: BriefingResult[];
  /** Key facts covered over all topic briefings. */
  topicFacts: Rate;
  /** Off-corpus briefing topics that were refused. */
  offTopic: Rate;
  /** Citations (of every reply) whose quote is a verbatim article span of a seed. */
  citations: Rate;
  /** Blocks of answered/partial replies that carry at least one valid citation. */
  blocks: Rate;
  /** Spans inside quotation marks in block text that are verbatim corpus text (informational). */
  quotedSpans: Rate;
  latency: { ask: LatencyStats; brief: LatencyStats };
  failures: Failure[];
}

export interface EvalOptions {
  seedsDir?: string;
  evalDir?: string;
  engine?: 'extractive' | 'claude';
  /**
   * Environment the app is configured from; empty by default so the run is hermetic (stray tokens or keys in
   * the shell change nothing). Database path, seeds, engine and log level are always overridden.
   */
  env?: NodeJS.ProcessEnv;
  /** Answer with the extractive engine and this answer model instead of the configured engine (held-out folds). */
  model?: AnswerModel;
}

function rate(correct: number, total: number): Rate {
  return { correct, total, rate: total === 0 ? 1 : correct / total };
}

function latency(values: number[]): LatencyStats {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(0, ...values),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs the whole evaluation set through a fresh app (temp database, seeds ingested) and scores it. */
export async function runEvaluation(options: EvalOptions = {}): Promise<EvalReport> {
  const set = loadEvalSet(options.evalDir ?? EVAL_DATA_DIR);
  const seedsDir = options.seedsDir ?? DEFAULT_SEEDS_DIR;
  const seeds = loadSeedTexts(seedsDir, set.regions);
  const dir = mkdtempSync(join(tmpdir(), 'attache-eval-'));
  let app: App | undefined;
  try {
    const env = options.env ?? {};
    const config = loadConfig({
      ...env,
      DATABASE_PATH: join(dir, 'eval.db'),
      SEEDS_DIR: seedsDir,
      ENGINE: options.engine ?? 'extractive',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, silentLogger);
    const attache = options.model ? attacheWithModel(app, options.model) : app.attache;
    return await evaluate(app, attache, set, seeds);
  } finally {
    app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function evaluate(
  app: App,
  attache: AttacheApi,
  set: ReturnType<typeof loadEvalSet>,
  seeds: ReturnType<typeof loadSeedTexts>,
): Promise<EvalReport> {
  const { corpus } = app;
  // The scorer reads synchronously, so the (small) evaluation corpus is loaded up front.
  const articles = new Map<string, string | null>();
  for (const d of await corpus.listDocuments())
    articles.set(d.id, (await corpus.getDocument(d.id))?.articleText ?? null);
  const passageDocuments = new Map((await corpus.listPassages()).map((p) => [p.id, p.documentId]));
  const context: CitationContext = {
    articleText: (id) => articles.get(id) ?? null,
    passageDocument: (id) => passageDocuments.get(id) ?? null,
    seeds,
  };
  const corpusTexts = (await corpus.listDocuments()).map((d) => normalizeSpace(context.articleText(d.id) ?? ''));
  const failures: Failure[] = [];
  const askTimes: number[] = [];
  const briefTimes: number[] = [];
  let citationsTotal = 0;
  let citationsOk = 0;
  let blocksTotal = 0;
  let blocksOk = 0;
  let spansTotal = 0;
  let spansOk = 0;
  let engine = 'unknown';

  const fail = (section: Section, id: string, question: string, reply: Reply | null, detail: string) => {
    failures.push({
      section,
      id,
      question,
      status: reply?.status ?? 'error',
      firstQuote: reply?.citations[0]?.quote ?? null,
      detail,
    });
  };

  /** Checks that hold for every reply: verbatim citations, cited blocks, verbatim quoted spans. */
  const inspect = (reply: Reply, id: string, question: string) => {
    engine = reply.engine;
    const problems = citationProblems(reply, context);
    citationsTotal += reply.citations.length;
    citationsOk += reply.citations.length - problems.length;
    for (const p of problems)
      fail('citation', id, question, reply, `[${p.citation.n}] ${p.reason}: ${p.citation.quote}`);
    if (reply.status !== 'refused') {
      const uncited = uncitedBlocks(reply);
      blocksTotal += reply.blocks.length;
      blocksOk += reply.blocks.length - uncited;
      if (uncited > 0) fail('block', id, question, reply, `${uncited} block(s) without a valid citation`);
    }
    const quotes = reply.citations.map((c) => normalizeSpace(c.quote));
    for (const span of reply.blocks.flatMap((b) => quotedSpans(b.text))) {
      spansTotal += 1;
      if (quotes.some((q) => q.includes(span)) || corpusTexts.some((t) => t.includes(span))) spansOk += 1;
    }
  };

  const ask = async (section: Section, id: string, question: string, conversation: string) => {
    const started = performance.now();
    try {
      const reply = await attache.ask({ question, conversation });
      askTimes.push(performance.now() - started);
      inspect(reply, id, question);
      return reply;
    } catch (error) {
      askTimes.push(performance.now() - started);
      fail(section, id, question, null, errorMessage(error));
      return null;
    }
  };

  const brief = async (id: string, topic: string | undefined) => {
    const started = performance.now();
    try {
      const reply = await attache.brief({ conversation: `console:eval-brief-${id}`, ...(topic ? { topic } : {}) });
      briefTimes.push(performance.now() - started);
      inspect(reply, id, topic ?? '(general briefing)');
      return reply;
    } catch (error) {
      briefTimes.push(performance.now() - started);
      fail('briefing', id, topic ?? '(general briefing)', null, errorMessage(error));
      return null;
    }
  };

  let answered = 0;
  for (const item of set.answerable) {
    const reply = await ask('answerable', item.id, item.q, `console:eval-answer-${item.id}`);
    if (reply === null) continue;
    if (answerMatches(reply, item.expect, item.documents)) answered += 1;
    else fail('answerable', item.id, item.q, reply, `expected answered with one of: ${item.expect.join(' | ')}`);
  }

  let refused = 0;
  for (const item of set.unanswerable) {
    const reply = await ask('unanswerable', item.id, item.q, `console:eval-unanswerable-${item.id}`);
    if (reply === null) continue;
    if (declined(reply)) refused += 1;
    else fail('unanswerable', item.id, item.q, reply, `expected refused or partial (${item.why ?? 'not in corpus'})`);
  }

  let chromeRefused = 0;
  for (const item of set.chrome) {
    const reply = await ask('chrome', item.id, item.q, `console:eval-chrome-${item.id}`);
    if (reply === null) continue;
    const leaked = showsChrome(reply, item.chrome);
    const badCitation = citationProblems(reply, context).length > 0;
    if (reply.status === 'refused' && !leaked && !badCitation) chromeRefused += 1;
    else {
      const why = leaked ? 'shows page-chrome text' : badCitation ? 'cites outside the article' : 'not refused';
      fail('chrome', item.id, item.q, reply, `expected refused: ${why}`);
    }
  }

  let turnsRight = 0;
  let turnsTotal = 0;
  let chainsRight = 0;
  for (const chain of set.followups) {
    let allRight = true;
    for (const [index, turn] of chain.turns.entries()) {
      turnsTotal += 1;
      const id = `${chain.id}#${index + 1}`;
      const reply = await ask('followup', id, turn.q, `console:eval-chain-${chain.id}`);
      const right = reply !== null && turnRight(reply, turn);
      if (right) turnsRight += 1;
      else allRight = false;
      if (!right && reply !== null) fail('followup', id, turn.q, reply, turnExpectation(turn));
    }
    if (allRight) chainsRight += 1;
  }

  const scoreBriefing = (reply: Reply | null, topic: string | null, facts: BriefingFact[]): BriefingResult => {
    const seen = reply ? [reply.text, ...reply.blocks.map((b) => b.text), ...reply.citations.map((c) => c.quote)] : [];
    const missing = facts.filter((f) => !seen.some((text) => containsAny(text, f.phrases))).map((f) => f.label);
    return {
      topic,
      status: reply?.status ?? 'error',
      covered: facts.length - missing.length,
      total: facts.length,
      missing,
      blocks: reply?.blocks.length ?? 0,
      chars: reply ? blockChars(reply) : 0,
    };
  };

  const general = scoreBriefing(await brief('general', undefined), null, set.briefings.general.facts);
  for (const label of general.missing) fail('briefing', 'general', '(general briefing)', null, `missing: ${label}`);
  const topicBriefings: BriefingResult[] = [];
  for (const [index, { topic, facts }] of set.briefings.topics.entries()) {
    const result = scoreBriefing(await brief(`topic-${index}`, topic), topic, facts);
    topicBriefings.push(result);
    for (const label of result.missing) fail('briefing', `topic-${index}`, topic, null, `missing: ${label}`);
  }
  let offTopicRefused = 0;
  for (const [index, { topic, why }] of set.briefings.offTopic.entries()) {
    const reply = await brief(`off-topic-${index}`, topic);
    if (reply?.status === 'refused') offTopicRefused += 1;
    else if (reply) fail('briefing', `off-topic-${index}`, topic, reply, `expected refused (${why ?? 'off corpus'})`);
  }

  return {
    engine,
    answer: rate(answered, set.answerable.length),
    refusal: rate(refused, set.unanswerable.length),
    chrome: rate(chromeRefused, set.chrome.length),
    followups: rate(turnsRight, turnsTotal),
    followupChains: rate(chainsRight, set.followups.length),
    briefing: general,
    topicBriefings,
    topicFacts: rate(
      topicBriefings.reduce((sum, b) => sum + b.covered, 0),
      topicBriefings.reduce((sum, b) => sum + b.total, 0),
    ),
    offTopic: rate(offTopicRefused, set.briefings.offTopic.length),
    citations: rate(citationsOk, citationsTotal),
    blocks: rate(blocksOk, blocksTotal),
    quotedSpans: rate(spansOk, spansTotal),
    latency: { ask: latency(askTimes), brief: latency(briefTimes) },
    failures,
  };
}

function turnRight(reply: Reply, turn: FollowupTurn): boolean {
  if (turn.refuse) return declined(reply);
  return answerMatches(reply, turn.expect ?? [], turn.documents);
}

function turnExpectation(turn: FollowupTurn): string {
  return turn.refuse
    ? 'expected refused or partial'
    : `expected answered with one of: ${(turn.expect ?? []).join(' | ')}`;
}
