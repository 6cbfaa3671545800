/**
 * A timeline of dated events from the corpus: each sentence that dates something (resolved
 * against its article's publication date) becomes an event; reports of one event by several
 * outlets merge into one entry citing each.
 */

import { refusedReply } from '../compose/build-reply.ts';
import type { RetrievedPassage } from '../corpus.ts';
import { splitSentences } from '../ingest/split-sentences.ts';
import { formatDateRange, resolveDates } from '../language/dates.ts';
import type { Block, Citation, Reply } from '../reply.ts';
import { attributeQuote } from './attribution.ts';
import { overlap } from './facts.ts';

export interface TimelineEntry {
  /** YYYY-MM-DD; the first day when the text dates a span ("last week"). */
  date: string;
  /** The last day of a span, when the date is one. */
  until?: string;
  /** A short verbatim span of the first citation's article saying what happened. */
  text: string;
  citations: Citation[];
}

export interface Timeline {
  topic: string | null;
  entries: TimelineEntry[];
}

/** Fewest words an entry's text may have: a shorter fragment does not say what happened. */
const MIN_WORDS = 6;
/** Longest entry text; a longer sentence is cut to its clause around the date. */
const MAX_TEXT = 220;
/** Two reports of one day are one event when they share this share of their content words, or this many words. */
const SAME_EVENT = { share: 0.2, words: 4 } as const;
const MAX_ENTRIES = 40;
const MAX_CITATIONS_PER_ENTRY = 4;

interface Candidate {
  from: string;
  to: string;
  text: string;
  words: Set<string>;
  passage: RetrievedPassage;
}

const STOP = new Set(
  'the a an and or but of to in on at by for with from as is are was were be been has have had it its this that he she they said says will would'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP.has(w)));
}

function sameEvent(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return overlap(a, b) >= SAME_EVENT.share || [...a].filter((w) => b.has(w)).length >= SAME_EVENT.words;
}

/** The sentence, or when too long the clause (between commas or semicolons) holding the date, verbatim. */
function shortText(sentence: string, start: number, end: number): string {
  if (sentence.length <= MAX_TEXT) return sentence.trim();
  const before = sentence.slice(0, start);
  const from = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; ')) + 1;
  const after = sentence.slice(end).search(/[,;] /);
  const clause = sentence.slice(from, after < 0 ? sentence.length : end + after).trim();
  return clause.length <= MAX_TEXT ? clause : clause.slice(0, MAX_TEXT).replace(/\s+\S*$/, '');
}

function candidates(passage: RetrievedPassage): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of splitSentences(passage.text)) {
    for (const mention of resolveDates(sentence.text, passage.document.publishedAt)) {
      // A span ("last week", "this week") places nothing at a point of a timeline.
      if (mention.from !== mention.to) continue;
      const text = shortText(sentence.text, mention.start, mention.end);
      // A clause cut from mid-sentence ("according to Tass early Sunday") does not say what happened.
      if (text.split(/\s+/).length < MIN_WORDS || /^\p{Ll}/u.test(text)) continue;
      out.push({ from: mention.from, to: mention.to, text, words: words(text), passage });
    }
  }
  return out;
}

function citation(c: Candidate, n: number): Citation {
  const { passage } = c;
  return {
    n,
    documentId: passage.documentId,
    passageId: passage.id,
    quote: c.text,
    outlet: passage.document.outlet,
    title: passage.document.title,
    publishedAt: passage.document.publishedAt,
    url: passage.document.url,
    attribution: attributeQuote(passage.text, c.text),
  };
}

/**
 * The dated events of `passages`, in date order (then by how many outlets report them), one
 * entry per event. Citations are numbered 1..n across the timeline.
 */
export function buildTimeline(passages: readonly RetrievedPassage[], topic: string | null = null): Timeline {
  const groups: Candidate[][] = [];
  for (const c of passages.flatMap(candidates)) {
    const group = groups.find((g) => {
      const head = g[0] as Candidate;
      return head.from === c.from && head.to === c.to && g.some((o) => sameEvent(o.words, c.words));
    });
    if (!group) groups.push([c]);
    else if (!group.some((o) => o.passage.documentId === c.passage.documentId)) group.push(c);
  }
  const ordered = groups
    .map((g) => ({ g, outlets: new Set(g.map((c) => c.passage.documentId)).size }))
    .sort((a, b) => (a.g[0] as Candidate).from.localeCompare((b.g[0] as Candidate).from) || b.outlets - a.outlets)
    .slice(0, MAX_ENTRIES);
  let n = 0;
  const entries = ordered.map(({ g }) => {
    // The shortest report states the event most plainly; the others corroborate it.
    const reports = [...g].sort((a, b) => a.text.length - b.text.length).slice(0, MAX_CITATIONS_PER_ENTRY);
    const head = reports[0] as Candidate;
    const entry: TimelineEntry = { date: head.from, text: head.text, citations: reports.map((c) => citation(c, ++n)) };
    return head.to !== head.from ? { ...entry, until: head.to } : entry;
  });
  return { topic, entries };
}

/** The timeline as a Reply, so every surface renders it as it renders a briefing. */
export function timelineReply(timeline: Timeline, engine: Reply['engine']): Reply {
  const title = timeline.topic ? `Timeline: ${timeline.topic}` : 'Timeline';
  if (timeline.entries.length === 0) {
    return refusedReply({ kind: 'briefing', engine, title, reason: 'The sources date no events on this.' });
  }
  const blocks: Block[] = timeline.entries.map((e) => {
    const numbers = e.citations.map((c) => c.n);
    return {
      text: `${formatDateRange(e.date, e.until ?? e.date)}: “${e.text}” ${numbers.map((k) => `[${k}]`).join('')}`,
      citations: numbers,
    };
  });
  const citations = timeline.entries.flatMap((e) => e.citations);
  const dates = citations.map((c) => c.publishedAt).filter((d): d is string => Boolean(d));
  const reply: Reply = {
    kind: 'briefing',
    status: 'answered',
    title,
    text: '',
    blocks,
    citations,
    engine,
    asOf: dates.sort().at(-1) ?? null,
  };
  return { ...reply, text: [title, blocks.map((b) => `• ${b.text}`).join('\n')].join('\n\n') };
}
