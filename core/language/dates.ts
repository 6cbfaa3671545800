/**
 * Calendar dates in news text, resolved against the article's publication date.
 *
 * chrono-node finds the expressions; the rules here are facts about news writing: a bare weekday
 * ("on Sunday", "Wednesday's meeting") is the nearest such day on or before publication unless its
 * clause speaks of the future ("will", "due to", "scheduled"), then the nearest on or after; "last
 * week" and "earlier this month" are ranges; a relative expression in an undated article yields
 * nothing, since any date would be a guess.
 */

import { createRequire } from 'node:module';
import type { ParsedComponents } from 'chrono-node';

// The English parsers only (every locale costs load time for nothing), and on first use: chrono builds its parsers
// when loaded, a tenth of a second that start-up and commands that read no dates should not pay.
const load = createRequire(import.meta.url);
let english: typeof import('chrono-node/en') | null = null;

/** One resolved date expression of a text. */
export interface DateMention {
  /** The expression as written (text.slice(start, end)). */
  text: string;
  /** Character offsets into the text given to resolveDates. */
  start: number;
  end: number;
  /** First and last calendar day meant (YYYY-MM-DD); equal for a single day. */
  from: string;
  to: string;
  /** True when the date depends on the publication date (weekdays, "yesterday", a day without year…). */
  relative: boolean;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Words that put a clause in the future: a weekday there is the next one, not the last. */
const FUTURE =
  /\b(will|shall|won't|wo n't|'ll|due to|is due|are due|scheduled|set to|plans? to|planned|expected to|to begin|to start|to resume|to hold|upcoming|next|later this|ahead of|is to|are to)\b/i;

/** Relative chrono results we accept: counted from publication ("two days ago", "last week"), not from another event ("three days later"). */
const FROM_PUBLICATION = /\b(ago|last|next|this|past|previous|earlier|yesterday|today|tonight|tomorrow)\b/i;

/** Parsers whose readings are ambiguous in international news (10/01/2022: October or January?). */
const AMBIGUOUS_TAGS = ['parser/SlashDateFormatParser'];

function iso({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDay(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function utc(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

function addDays(day: Day, days: number): Day {
  return toDay(new Date(utc(day).getTime() + days * DAY_MS));
}

function parseIsoDay(value: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return iso(toDay(utc(day))) === iso(day) ? day : null;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The clause around [start, end): between the nearest punctuation marks that end clauses. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(...[...'.;:!?,—()'].map((c) => before.lastIndexOf(c))) + 1;
  const after = text.slice(end).search(/[.;:!?,—()]/);
  return text.slice(from, after < 0 ? text.length : end + after);
}

/** Past-tense verbs near a weekday put it before publication ("Ryabkov spoke on Sunday"). */
const PAST =
  /\b(?:was|were|had|did|said|told|spoke|met|held|took|came|went|left|made|gave|saw|began|sent|wrote|flew|won|lost|ran|broke|\w{3,}ed)\b/i;

type Tense = 'past' | 'future' | 'unknown';

/**
 * The tense around a weekday: future when its clause speaks of the future ("is due to … on
 * Monday"), past when a past-tense verb stands within a few words of it, otherwise unknown.
 */
function tenseAround(text: string, start: number, end: number): Tense {
  if (FUTURE.test(clauseAround(text, start, end))) return 'future';
  const clause = clauseAround(text, start, end);
  const clauseStart = text.indexOf(clause);
  const before = text.slice(Math.max(clauseStart, 0), start).split(/\s+/).slice(-6).join(' ');
  const after = text
    .slice(end, Math.max(end, clauseStart + clause.length))
    .split(/\s+/)
    .slice(0, 5)
    .join(' ');
  return PAST.test(`${before} ${after}`) ? 'past' : 'unknown';
}

/**
 * The weekday meant, relative to publication: backwards in past-tense text, forwards in future-tense
 * text, and otherwise the nearer of the two (a Sunday paper's "Monday" is tomorrow; a Tuesday
 * paper's "Monday's meeting" was yesterday). The publication day itself counts both ways.
 */
function resolveWeekday(weekday: number, published: Day, tense: Tense): Day {
  const publishedWeekday = utc(published).getUTCDay();
  const forward = (weekday - publishedWeekday + 7) % 7;
  const backward = (publishedWeekday - weekday + 7) % 7;
  const goForward = tense === 'future' || (tense === 'unknown' && forward < backward);
  return addDays(published, goForward ? forward : -backward);
}

type Range = { from: Day; to: Day };

/** Week, month and year expressions, as ranges. Monday starts a week (ISO 8601). */
function periodRange(phrase: string, published: Day): Range | null {
  const p = phrase.toLowerCase();
  const monday = addDays(published, -((utc(published).getUTCDay() + 6) % 7));
  if (/\b(last|past|previous) week\b/.test(p)) return { from: addDays(monday, -7), to: addDays(monday, -1) };
  if (/\bnext week\b/.test(p)) return { from: addDays(monday, 7), to: addDays(monday, 13) };
  if (/\bearlier this week\b/.test(p))
    return published.day === monday.day ? null : { from: monday, to: addDays(published, -1) };
  if (/\bthis week\b/.test(p)) return { from: monday, to: addDays(monday, 6) };
  const { year, month } = published;
  if (/\bearlier this month\b/.test(p)) {
    return published.day === 1 ? null : { from: { year, month, day: 1 }, to: addDays(published, -1) };
  }
  if (/\bthis month\b/.test(p))
    return { from: { year, month, day: 1 }, to: { year, month, day: lastDayOfMonth(year, month) } };
  if (/\b(last|past|previous) month\b/.test(p)) {
    const y = month === 1 ? year - 1 : year;
    const m = month === 1 ? 12 : month - 1;
    return { from: { year: y, month: m, day: 1 }, to: { year: y, month: m, day: lastDayOfMonth(y, m) } };
  }
  if (/\bnext month\b/.test(p)) {
    const y = month === 12 ? year + 1 : year;
    const m = month === 12 ? 1 : month + 1;
    return { from: { year: y, month: m, day: 1 }, to: { year: y, month: m, day: lastDayOfMonth(y, m) } };
  }
  if (/\bearlier this year\b/.test(p)) return { from: { year, month: 1, day: 1 }, to: addDays(published, -1) };
  if (/\b(last|past|previous) year\b/.test(p))
    return { from: { year: year - 1, month: 1, day: 1 }, to: { year: year - 1, month: 12, day: 31 } };
  return null;
}

const PERIOD = /\b(?:(?:earlier|later) this|this|last|past|previous|next) (?:week|month|year)\b/gi;

/** A chrono component as a day, using only what the text states or publication implies. */
function componentDay(
  c: ParsedComponents,
  published: Day | null,
  tense: () => Tense,
): { day: Day; relative: boolean } | null {
  const year = c.isCertain('year') ? c.get('year') : null;
  const month = c.isCertain('month') ? c.get('month') : null;
  const dayOfMonth = c.isCertain('day') ? c.get('day') : null;
  if (month !== null && dayOfMonth !== null) {
    if (year !== null) return { day: { year, month, day: dayOfMonth }, relative: false };
    if (!published) return null;
    // chrono picks the year that puts the day nearest to the reference date.
    return { day: { year: c.get('year') ?? published.year, month, day: dayOfMonth }, relative: true };
  }
  if (c.isCertain('weekday') && published) {
    const weekday = c.get('weekday');
    if (weekday === null) return null;
    return { day: resolveWeekday(weekday, published, tense()), relative: true };
  }
  return null;
}

/**
 * The dates a text names, in text order, resolved against `publishedAt` (YYYY-MM-DD or null).
 * Without a publication date only fully written dates ("9 January 2022") are returned.
 */
export function resolveDates(text: string, publishedAt: string | null): DateMention[] {
  const key = `${publishedAt ?? ''}\u0000${text}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const found = resolveUncached(text, publishedAt);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value as string);
  memo.set(key, found);
  return found;
}

/** Passages are immutable and re-read on every question about them: chrono's parse is the costly step. */
const MAX_MEMO = 20_000;
const memo = new Map<string, DateMention[]>();

function resolveUncached(text: string, publishedAt: string | null): DateMention[] {
  const published = parseIsoDay(publishedAt);
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (start: number, end: number, from: Day, to: Day, relative: boolean) => {
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    mentions.push({ text: text.slice(start, end), start, end, from: iso(from), to: iso(to), relative });
  };

  if (published) {
    for (const m of text.matchAll(PERIOD)) {
      const range = periodRange(m[0], published);
      if (range) add(m.index, m.index + m[0].length, range.from, range.to, true);
    }
  }

  // chrono works in the reference's local time; noon keeps the calendar day whatever the zone.
  const reference = published
    ? new Date(published.year, published.month - 1, published.day, 12)
    : new Date(2000, 0, 1, 12);
  english ??= load('chrono-node/en') as typeof import('chrono-node/en');
  for (const result of english.parse(text, reference)) {
    const start = result.index;
    // chrono sometimes takes the comma after the expression ("on Monday,").
    const end = start + result.text.replace(/[\s,.;:]+$/, '').length;
    const tags = [...result.tags()];
    if (tags.some((t) => AMBIGUOUS_TAGS.includes(t))) continue;
    if (/\b(now|weekend)\b/i.test(result.text)) continue;
    const casual = tags.some((t) => t.startsWith('casualReference/'));
    const isRelativeDate = tags.includes('result/relativeDate') || casual;
    const weekdayNamed = result.start.isCertain('weekday');
    if (isRelativeDate && !weekdayNamed && !FROM_PUBLICATION.test(result.text)) continue;
    if (isRelativeDate && !published) continue;
    // "In the last few days" is a vague span, not a day; "two days ago" is a day.
    if (
      /\b(?:few|several|days|weeks|months|years)\b/i.test(result.text) &&
      !/\b\w+ (?:days|weeks) ago\b/i.test(result.text)
    )
      continue;
    const tense = () => tenseAround(text, start, end);
    const first = componentDay(result.start, published, tense);
    if (first) {
      const last = result.end ? componentDay(result.end, published, tense) : null;
      const relative = first.relative || isRelativeDate;
      if (relative && !published) continue;
      add(start, end, first.day, last && iso(last.day) >= iso(first.day) ? last.day : first.day, relative);
      continue;
    }
    // A month with its year ("in July 2022"): the whole month.
    const c = result.start;
    if (c.isCertain('month') && c.isCertain('year') && !c.isCertain('day')) {
      const year = c.get('year') ?? 0;
      const month = c.get('month') ?? 1;
      add(start, end, { year, month, day: 1 }, { year, month, day: lastDayOfMonth(year, month) }, false);
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * English month names from the platform's locale data (no hand-written list). The formatter is made on first use:
 * a process's first Intl formatter loads the locale data (about 15 ms), which start-up need not wait for.
 */
let monthNames: Intl.DateTimeFormat | undefined;
const monthName = (month: number): string => {
  monthNames ??= new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  return monthNames.format(Date.UTC(2000, month - 1, 1));
};

/** "9 January 2022"; a range as "3–9 January 2022" or "27 December 2021 – 2 January 2022". */
export function formatDateRange(from: string, to: string = from): string {
  const a = parseIsoDay(from);
  const b = parseIsoDay(to);
  if (!a || !b) return from;
  const long = (d: Day) => `${d.day} ${monthName(d.month)} ${d.year}`;
  if (iso(a) === iso(b)) return long(a);
  if (a.year === b.year && a.month === b.month) {
    if (a.day === 1 && b.day === lastDayOfMonth(b.year, b.month)) return `${monthName(a.month)} ${a.year}`;
    return `${a.day}–${long(b)}`;
  }
  return `${long(a)} – ${long(b)}`;
}
