/**
 * Wall-clock arithmetic in IANA zones with nothing but Intl: the local date
 * and time of an instant, and the instant of a local wall time (DST aware).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A local calendar date and wall time. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23: some ICU versions print midnight as 24:00 with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallFields(instantMs: number, timeZone: string): WallFields {
  const fields: WallFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of wallFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof WallFields] = Number(part.value);
  }
  return fields;
}

/** The wall time of an instant, as milliseconds of the same fields read as UTC (for comparisons). */
function wallMs(instantMs: number, timeZone: string): number {
  const f = wallFields(instantMs, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Returns the canonical name of an IANA zone (e.g. `europe/berlin` → `Europe/Berlin`),
 * or null when Intl does not know it. Offsets such as `+01:00` are not zones.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!/^[A-Za-z]/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The local date and wall time of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const f = wallFields(instant.getTime(), timeZone);
  return {
    date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`,
    time: `${pad(f.hour)}:${pad(f.minute)}`,
  };
}

function parseDate(localDate: string): [number, number, number] {
  const [y, m, d] = localDate.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** The calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(localDate: string, days: number): string {
  const [y, m, d] = parseDate(localDate);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which a zone's clocks show `localTime` (HH:MM) on `localDate`.
 * A wall time that occurs twice (fall back) gives its first occurrence; one that
 * does not exist (spring forward) gives the next valid minute, i.e. the moment
 * the clocks jump (02:30 on a 02:00→03:00 day gives 03:00).
 */
export function zonedInstant(localDate: string, localTime: string, timeZone: string): Date {
  const [y, m, d] = parseDate(localDate);
  const [hh, mm] = localTime.split(':').map(Number);
  const target = Date.UTC(y, m - 1, d, hh ?? 0, mm ?? 0);
  // The zone's offsets a day either side cover both sides of any transition near the target.
  const offsets = [target - DAY_MS, target + DAY_MS].map((probe) => wallMs(probe, timeZone) - probe);
  const candidates = [...new Set(offsets.map((offset) => target - offset))].sort((a, b) => a - b);
  const exact = candidates.find((c) => wallMs(c, timeZone) === target);
  if (exact !== undefined) return new Date(exact);
  // In a gap: the first minute whose wall time is at or after the target (wall time is monotonic there).
  let lo = Math.floor((candidates[0] ?? target) / MINUTE_MS);
  let hi = Math.ceil((candidates.at(-1) ?? target) / MINUTE_MS);
  if (wallMs(hi * MINUTE_MS, timeZone) < target) return new Date(hi * MINUTE_MS);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid * MINUTE_MS, timeZone) >= target) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * MINUTE_MS);
}

// Made on first use: a process's first Intl formatter loads the locale data (about 15 ms), which start-up need not wait for.
let longDate: Intl.DateTimeFormat | undefined;

/** A YYYY-MM-DD date for readers, e.g. "Monday, 10 January 2022". */
export function formatLongDate(localDate: string): string {
  const [y, m, d] = parseDate(localDate);
  longDate ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const parts = Object.fromEntries(longDate.formatToParts(Date.UTC(y, m - 1, d)).map((p) => [p.type, p.value]));
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year}`;
}
