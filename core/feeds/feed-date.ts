import { isoDatePrefix } from '../ingest/date-hint.ts';

/** YYYY-MM-DD of a feed or metadata date (ISO 8601 or RFC 822), or null when it is not a date. */
export function feedDate(value: string): string | null {
  const iso = isoDatePrefix(value);
  if (iso) return iso;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}
