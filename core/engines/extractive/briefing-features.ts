import { readFileSync } from 'node:fs';
import { type Cluster, selfContained, support } from './clusters.ts';
import type { EngineContext } from './context.ts';
import { cosine } from './similarity.ts';
import type { Unit } from './units.ts';

/**
 * What the briefing model reads of one candidate claim (a sentence and the other outlets saying the same).
 * Every feature is a general property of news writing, never of one story: leads state the main news, what
 * several outlets report matters, numbers, dates and named officials make a fact, background and opinion
 * come later in an article. Order matters: the model file stores one weight per name.
 */
export const BRIEFING_FEATURES = [
  'bias',
  /** The sentence is in its article's first paragraph. */
  'lead',
  /** 1 in the first paragraph, falling to 0 by the fourth. */
  'early',
  /** How deep in its article (paragraph / 10, at most 1). */
  'depth',
  /** Share of the topic's words and names the sentence holds (0 without a topic). */
  'topic',
  /** Its words are ones several outlets use, weighted by how specific they are. */
  'salience',
  /** Share of the other outlets that discuss its subject, even in other words. */
  'echoed',
  /** log2 of the outlets reporting the same claim. */
  'support',
  /** Holds a number or a quantity ("20 million", "three-hour", "dozens"). */
  'number',
  /** Holds a date (a month, a weekday, a day or a year). */
  'date',
  /** A named person is quoted or reported speaking. */
  'namedSpeaker',
  /** Share of its characters inside quotation marks (what was said rather than what happened). */
  'quoted',
  /** Leans on an earlier sentence ("He said…", "But…"): does not read on its own. */
  'dangling',
  /** log of its length relative to 150 characters. */
  'length',
  /** Ends without a full stop: a headline or a caption-like fragment. */
  'headline',
  /** Names of people, places and organisations it holds (at most 3, / 3). */
  'names',
  /** Its report is of the newest day among the sources. */
  'newest',
  /** Where its report falls between the oldest and newest dated sources (0.5 undated). */
  'storyTime',
  /** Its report is undated. */
  'undated',
  /** States an outcome: a verb of deciding, agreeing or acting (outcome-verbs.json) outside quotation marks. */
  'outcome',
  /** A number with the noun it counts ("20 million tonnes", "50 hostages", "120 days"), years aside. */
  'counted',
  /** Speaks in the first person outside quotation marks ("I reiterated…"): a statement's voice, not a report's. */
  'firstPerson',
  /**
   * Share of the other outlets with a sentence sharing at least two of its specifics (numbers, words rare in
   * the request), in whatever words: the same fact told across outlets, even when the sentences differ.
   */
  'specifics',
] as const;

export type BriefingFeature = (typeof BRIEFING_FEATURES)[number];

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|twice|first|second|third)\b/i;
const DIGIT = /\d/;
/** Month and weekday names, and years. */
const DATE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d)\b/i;
const DAY_MS = 86_400_000;
/** A number and the word it counts: "20 million tonnes", "four days", "dozens of ships", "3,000 troops". */
const COUNTED =
  /\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|millions|dozens)(?:[ -](?:million|billion|thousand|hundred))?(?: of)?[ -](?!(?:jan|feb|march|apr|may|june|july|aug|sept?|oct|nov|dec)\w*\b|(?:and|or|to|in|on|at|per|a|the|p\.?m|a\.?m)\b)[a-z]{3,}/i;
const YEAR = /\b(?:19|20)\d\d\b/g;
const FIRST_PERSON = /\b(?:I|we|our|my|us)\b/;
/** Share of the request's rarest words that count as specific (as in SAME_CLAIM.rareShare). */
const RARE_SHARE = 0.6;

let outcomeVerbs: ReadonlySet<string> | null = null;

/** Outcome verbs (outcome-verbs.json), read once. */
function outcomes(): ReadonlySet<string> {
  if (!outcomeVerbs) {
    const data = JSON.parse(readFileSync(new URL('./outcome-verbs.json', import.meta.url), 'utf8')) as {
      verbs: string[];
    };
    outcomeVerbs = new Set(data.verbs);
  }
  return outcomeVerbs;
}

/** The text outside double quotation marks. */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?/g, ' ');
}

/** Share of the other documents with a sentence sharing at least two numbers or rare words with the unit. */
function specificShare(unit: Unit, ctx: EngineContext, documents: number): number {
  const specific = (s: string) => /\d/.test(s) || ctx.idf.weight(s) >= ctx.idf.max * RARE_SHARE;
  const docs = new Set<string>();
  for (const u of ctx.partners(unit)) {
    if (u.passage.documentId === unit.passage.documentId || docs.has(u.passage.documentId)) continue;
    let shared = 0;
    for (const s of unit.stems) if (u.stems.has(s) && specific(s) && ++shared >= 2) break;
    if (shared >= 2) docs.add(u.passage.documentId);
  }
  return docs.size / Math.max(1, documents - 1);
}

/** Per-request facts the features are relative to: how many documents use each stem, the dated span. */
export interface BriefingStats {
  documentFrequency: ReadonlyMap<string, number>;
  documents: number;
  oldest: number | null;
  newest: number | null;
}

/** The stats of one request, from the document frequencies and document count rank-claims already has. */
export function briefingStats(
  ctx: EngineContext,
  documentFrequency: ReadonlyMap<string, number>,
  documents: number,
): BriefingStats {
  const dates = new Map<string, number>();
  for (const u of ctx.units) {
    const date = u.passage.document.publishedAt;
    if (date) dates.set(u.passage.documentId, Date.parse(date));
  }
  const days = [...dates.values()];
  return {
    documentFrequency,
    documents,
    oldest: days.length > 0 ? Math.min(...days) : null,
    newest: days.length > 0 ? Math.max(...days) : null,
  };
}

/** Whether a character offset of a text falls inside double quotation marks. */
function inQuote(text: string, offset: number): boolean {
  return quotedShare(text.slice(0, offset)) > 0 && hasOpen(text.slice(0, offset));
}

/** Whether a quotation opened in the text is still open at its end. */
function hasOpen(text: string): boolean {
  let open = false;
  for (const ch of text)
    if (ch === '"' || ch === '“' || ch === '”') open = ch === '“' ? true : ch === '”' ? false : !open;
  return open;
}

/** Share of a text's characters inside double quotation marks. */
function quotedShare(text: string): number {
  let inside = 0;
  let open = false;
  for (const ch of text) {
    if (ch === '"' || ch === '“' || ch === '”') open = ch === '“' ? true : ch === '”' ? false : !open;
    else if (open) inside++;
  }
  return inside / Math.max(1, text.length);
}

/** The feature vector of a claim, in BRIEFING_FEATURES order. */
export function briefingFeatures(
  cluster: Cluster,
  relevance: number,
  ctx: EngineContext,
  stats: BriefingStats,
): number[] {
  const unit: Unit = cluster.rep;
  const ordinal = unit.passage.ordinal;
  let salience = 0;
  for (const s of unit.stems) {
    salience += (((stats.documentFrequency.get(s) ?? 1) - 1) / Math.max(1, stats.documents - 1)) * ctx.idf.weight(s);
  }
  salience /= Math.sqrt(Math.max(1, unit.stems.size)) * 4;
  const echoed = new Set<string>();
  for (const u of ctx.partners(unit)) {
    if (u.passage.documentId !== unit.passage.documentId && cosine(unit, u, ctx.idf) >= 0.2) {
      echoed.add(u.passage.documentId);
    }
  }
  const date = unit.passage.document.publishedAt ? Date.parse(unit.passage.document.publishedAt) : null;
  const span = stats.oldest !== null && stats.newest !== null ? stats.newest - stats.oldest : 0;
  const storyTime = date === null || stats.oldest === null ? 0.5 : span < DAY_MS ? 1 : (date - stats.oldest) / span;
  const names = new Set([...unit.entities].filter((e) => e.kind !== 'other')).size;
  const values: Record<BriefingFeature, number> = {
    bias: 1,
    lead: ordinal === 0 ? 1 : 0,
    early: Math.max(0, 1 - ordinal / 3),
    depth: Math.min(1, ordinal / 10),
    topic: Math.max(0, Math.min(1, relevance)),
    salience,
    echoed: echoed.size / Math.max(1, stats.documents - 1),
    support: Math.log2(support(cluster)),
    number: DIGIT.test(unit.text.replace(/\b(?:19|20)\d\d\b/g, '')) || NUMBER_WORDS.test(unit.text) ? 1 : 0,
    date: DATE.test(unit.text) ? 1 : 0,
    namedSpeaker: [...unit.speakers].some((e) => e.kind === 'person') ? 1 : 0,
    quoted: quotedShare(unit.text),
    dangling: selfContained(unit) ? 0 : 1,
    length: Math.log(unit.text.length / 150),
    headline: /[.!?"”’'»)]\s*$/.test(unit.text) ? 0 : 1,
    names: Math.min(3, names) / 3,
    newest: date !== null && date === stats.newest ? 1 : 0,
    storyTime,
    undated: date === null ? 1 : 0,
    outcome: unit.words.some((w) => outcomes().has(w.stem) && !inQuote(unit.text, w.start)) ? 1 : 0,
    counted: COUNTED.test(unit.text.replace(YEAR, ' ')) ? 1 : 0,
    firstPerson: FIRST_PERSON.test(unquoted(unit.text)) ? 1 : 0,
    specifics: specificShare(unit, ctx, stats.documents),
  };
  return BRIEFING_FEATURES.map((f) => values[f]);
}
