/** Recognises lines that are nothing but a publication date (a "dateline") and normalises them. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
// Sites decorate bare dates with "Published"/"Updated" labels and a trailing clock time.
const PREFIX = '^(?:(?:Published|Updated|Posted|Date|Last updated)(?:\\s+on)?\\s*:?\\s*)?';
const SUFFIX = '(?:\\s*(?:[,|·•-]\\s*)?(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?\\s*$';

const MONTH_FIRST = new RegExp(
  `${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(\\d{4})${SUFFIX}`,
  'i',
);
const DAY_FIRST = new RegExp(`${PREFIX}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${SUFFIX}`, 'i');
const ISO = new RegExp(`${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})(?:T[\\d:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?${SUFFIX}`, 'i');

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects impossible dates such as February 30 instead of letting Date roll them over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? null;
}

/**
 * Parses a line that consists only of a date ("January 9, 2022", "9 January 2022", "Sunday, Jan. 9, 2022 10:30 GMT",
 * "2022-01-09") into YYYY-MM-DD. Returns null when the line is anything more than a date.
 */
export function parseDateLine(line: string): string | null {
  const text = line.trim();
  if (text.length > 60) return null;
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    return month === null ? null : toIso(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    return month === null ? null : toIso(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const iso = ISO.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

// A full date anywhere in a short line ("This story is from May 4, 2023", "May 4, 2023 | World").
const FULL_DATE = new RegExp(
  `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,\\s*|\\s+)\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  'i',
);
const NUMERIC_DATE = /\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/;
const LEADING_DATE = new RegExp(`^${WEEKDAY}${FULL_DATE.source}${SUFFIX.replace('\\s*$', '')}\\s*[|·•]`, 'i');
const TRAILING_DATE = new RegExp(`${FULL_DATE.source}${SUFFIX}`, 'i');

/**
 * True for a short line that only dates the page: a label ending on a full date ("This story is from May 4, 2023",
 * "Posted May 4,2023") or a full date heading a bar of labels ("May 4, 2023 | World").
 */
export function isDateMeta(line: string): boolean {
  const text = line.trim();
  if (text.split(/\s+/).length > 10 || /[.!?]$/.test(text)) return false;
  if (LEADING_DATE.test(text) || TRAILING_DATE.test(text)) return true;
  // Nothing but dates, clock times, time zones and their labels ("19:32 GMT 10.05.2023 (Updated: 19:37 GMT)").
  if (!FULL_DATE.test(text) && !NUMERIC_DATE.test(text)) return false;
  const rest = text
    .replace(new RegExp(FULL_DATE.source, 'gi'), ' ')
    .replace(new RegExp(NUMERIC_DATE.source, 'g'), ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b|\b(?:GMT|UTC|[A-Z]{2,4}T|am|pm|a\.m\.|p\.m\.)(?=\W|$)/gi, ' ')
    .replace(/\b(?:Published|Updated|Posted|Last updated|Date|on|at)\b/gi, ' ');
  return !/\p{L}{2,}/u.test(rest);
}

/** Normalises a machine date such as an ISO timestamp from a meta tag to YYYY-MM-DD, or null. */
export function isoDatePrefix(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return parseDateLine(value);
  return toIso(Number(match[1]), Number(match[2]), Number(match[3]));
}
