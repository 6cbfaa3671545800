import type { AttacheApi } from '../../../core/api.ts';
import type { RetrievedPassage } from '../../../core/corpus.ts';
import type { Reply } from '../../../core/reply.ts';
import type { Rate } from '../evaluate.ts';
import { answerMatches, blockChars, containsAny, declined, percentile, showsChrome } from '../score.ts';
import { foldForMatch, normalizeSpace } from '../seed-text.ts';
import { storyOfChrome, storyOfQuestion } from './dev-stories.ts';
import type { CorpusDev, DevPage } from './load-corpus-dev.ts';
import { labelledLines, measureExtraction } from './measure-extraction.ts';

/** What the evaluation needs from the app: the core API for a story's fold, retrieval, and stored text. */
export interface DevHarness {
  /** The API to ask questions of the given story with (a model not fitted on that story, for folds). */
  apiFor(story: string): AttacheApi;
  /** The passages the engine is handed for a question, best first. */
  retrieve(question: string, limit: number): Promise<RetrievedPassage[]>;
  /** The stored article text of a document, or null. */
  articleText(documentId: string): Promise<string | null>;
}

export interface DevFailure {
  section: 'answerable' | 'unanswerable' | 'chrome' | 'followup' | 'briefing';
  id: string;
  story: string;
  question: string;
  status: string;
  quote: string | null;
  detail: string;
}

export interface DevBriefing {
  story: string;
  covered: number;
  total: number;
  blocks: number;
  chars: number;
  status: string;
}

export interface DevReport {
  answer: Rate;
  refusal: Rate;
  chrome: Rate;
  followups: Rate;
  briefingFacts: Rate;
  briefings: DevBriefing[];
  /** Answerable questions with an answer-bearing passage among the first 10 / 30 retrieved. */
  recall10: Rate;
  recall30: Rate;
  /** Answerable replies that cite an answering sentence but call it partial or refused. */
  citedButDeclined: number;
  /** Answerable replies marked answered that cite no answering sentence. */
  answeredWrong: number;
  verbatim: Rate;
  /** Citations whose quote is a labelled chrome line of its page. */
  chromeCitations: number;
  /** Those quotes, with their document (distinct). */
  chromeQuotes: string[];
  latency: { p50: number; p95: number };
  /** Ingest on the labelled pages: chrome lines left out of the article text, article lines kept in it. */
  extraction: { chromeRemoved: Rate; articleKept: Rate };
  byStory: Record<string, { answer: Rate; refusal: Rate }>;
  failures: DevFailure[];
}

const rate = (correct: number, total: number): Rate => ({ correct, total, rate: total === 0 ? 1 : correct / total });

/**
 * Whether the quote is (part of) a labelled chrome line and of no article line of its page (a repeated line whose
 * first copy is article text counts as article, see labelledLines).
 */
function quotesChrome(page: DevPage | undefined, quote: string): boolean {
  if (!page || page.chromeLines.length === 0) return false;
  const q = foldForMatch(quote);
  if (q.length < 12) return false;
  const lines = labelledLines(page);
  const inChrome = lines.chrome.some((line) => line.includes(q) || (line.length >= 20 && q.includes(line)));
  return inChrome && !lines.article.some((line) => line.includes(q));
}

/** Runs the development questions (answerable, unanswerable, chrome traps, follow-ups, briefings) and scores them. */
export async function evaluateCorpusDev(dev: CorpusDev, harness: DevHarness): Promise<DevReport> {
  const story = storyOfQuestion(dev);
  const pages = new Map(dev.pages.map((p) => [p.id, p]));
  const failures: DevFailure[] = [];
  const times: number[] = [];
  const stories: Record<string, { answer: [number, number]; refusal: [number, number] }> = {};
  const tally = (s: string, key: 'answer' | 'refusal', right: boolean) => {
    const entry = stories[s] ?? { answer: [0, 0], refusal: [0, 0] };
    stories[s] = entry;
    entry[key][0] += right ? 1 : 0;
    entry[key][1] += 1;
  };
  let citations = 0;
  let verbatim = 0;
  let chromeCitations = 0;
  const chromeQuotes = new Set<string>();

  const inspect = async (reply: Reply) => {
    for (const c of reply.citations) {
      citations += 1;
      const text = await harness.articleText(c.documentId);
      if (text !== null && normalizeSpace(text).includes(normalizeSpace(c.quote))) verbatim += 1;
      if (quotesChrome(pages.get(c.documentId), c.quote)) {
        chromeCitations += 1;
        chromeQuotes.add(`${c.documentId}: ${c.quote}`);
      }
    }
  };
  const ask = async (s: string, question: string, conversation: string): Promise<Reply | null> => {
    const started = performance.now();
    try {
      const reply = await harness.apiFor(s).ask({ question, conversation });
      times.push(performance.now() - started);
      await inspect(reply);
      return reply;
    } catch {
      return null;
    }
  };
  const fail = (f: Omit<DevFailure, 'status' | 'quote'>, reply: Reply | null) =>
    failures.push({ ...f, status: reply?.status ?? 'error', quote: reply?.citations[0]?.quote ?? null });
  const citesAnswer = (reply: Reply, phrases: readonly string[]) =>
    reply.citations.some((c) => containsAny(c.quote, phrases));

  let answered = 0;
  let recall10 = 0;
  let recall30 = 0;
  let citedButDeclined = 0;
  let answeredWrong = 0;
  for (const item of dev.questions.answerable) {
    const s = story(item.question, item.support);
    const retrieved = await harness.retrieve(item.question, 30);
    const hit = retrieved.findIndex((p) => containsAny(p.text, item.must_cite_any));
    if (hit >= 0 && hit < 10) recall10 += 1;
    if (hit >= 0) recall30 += 1;
    const reply = await ask(s, item.question, `console:dev-${item.id}`);
    const right = reply !== null && answerMatches(reply, item.must_cite_any);
    tally(s, 'answer', right);
    if (right) answered += 1;
    else {
      if (reply && reply.status !== 'answered' && citesAnswer(reply, item.must_cite_any)) citedButDeclined += 1;
      if (reply?.status === 'answered') answeredWrong += 1;
      fail(
        { section: 'answerable', id: item.id, story: s, question: item.question, detail: `retrieved at ${hit}` },
        reply,
      );
    }
  }

  let refused = 0;
  for (const item of dev.questions.unanswerable) {
    const s = story(item.question);
    const reply = await ask(s, item.question, `console:dev-${item.id}`);
    const right = reply !== null && declined(reply);
    tally(s, 'refusal', right);
    if (right) refused += 1;
    else
      fail(
        {
          section: 'unanswerable',
          id: item.id,
          story: s,
          question: item.question,
          detail: 'expected refused or partial',
        },
        reply,
      );
  }

  let trapsRight = 0;
  for (const item of dev.questions.chrome_traps) {
    const s = storyOfChrome(dev, item.chrome_phrase);
    const reply = await ask(s, item.question, `console:dev-${item.id}`);
    if (reply && reply.status !== 'answered' && !showsChrome(reply, [item.chrome_phrase])) trapsRight += 1;
    else
      fail(
        { section: 'chrome', id: item.id, story: s, question: item.question, detail: 'expected no answer from chrome' },
        reply,
      );
  }

  let turnsRight = 0;
  let turns = 0;
  for (const chain of dev.questions.followups) {
    const first = chain.turns[0];
    const s = story(first?.question ?? '', first?.support);
    for (const [i, turn] of chain.turns.entries()) {
      turns += 1;
      const reply = await ask(s, turn.question, `console:dev-chain-${chain.id}`);
      if (reply !== null && answerMatches(reply, turn.must_cite_any)) turnsRight += 1;
      else
        fail({ section: 'followup', id: `${chain.id}#${i + 1}`, story: s, question: turn.question, detail: '' }, reply);
    }
  }

  const briefings: DevBriefing[] = [];
  for (const [i, b] of dev.questions.briefings.entries()) {
    const s = story(
      b.topic,
      undefined,
      b.facts.flatMap((f) => f.must_cite_any),
    );
    let reply: Reply | null = null;
    try {
      reply = await harness.apiFor(s).brief({ topic: b.topic, conversation: `console:dev-brief-${i}` });
      await inspect(reply);
    } catch {
      reply = null;
    }
    const seen = reply ? [...reply.blocks.map((x) => x.text), ...reply.citations.map((c) => c.quote)] : [];
    const covered = b.facts.filter((f) => seen.some((t) => containsAny(t, f.must_cite_any))).length;
    briefings.push({
      story: s,
      covered,
      total: b.facts.length,
      blocks: reply?.blocks.length ?? 0,
      chars: reply ? blockChars(reply) : 0,
      status: reply?.status ?? 'error',
    });
  }

  const n = dev.questions.answerable.length;
  const extraction = await measureExtraction(dev.pages, (id) => harness.articleText(id));
  return {
    extraction,
    answer: rate(answered, n),
    refusal: rate(refused, dev.questions.unanswerable.length),
    chrome: rate(trapsRight, dev.questions.chrome_traps.length),
    followups: rate(turnsRight, turns),
    briefingFacts: rate(
      briefings.reduce((sum, b) => sum + b.covered, 0),
      briefings.reduce((sum, b) => sum + b.total, 0),
    ),
    briefings,
    recall10: rate(recall10, n),
    recall30: rate(recall30, n),
    citedButDeclined,
    answeredWrong,
    verbatim: rate(verbatim, citations),
    chromeCitations,
    chromeQuotes: [...chromeQuotes],
    latency: { p50: percentile(times, 50), p95: percentile(times, 95) },
    byStory: Object.fromEntries(
      Object.entries(stories).map(([k, v]) => [k, { answer: rate(...v.answer), refusal: rate(...v.refusal) }]),
    ),
    failures,
  };
}
