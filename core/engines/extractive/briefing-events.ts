import { resolveDates } from '../../language/dates.ts';
import type { Unit } from './units.ts';

/** Longest span a date mention may cover and still date one event ("on 24 November", not "in 2023"). */
const EVENT_SPAN_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * The day a sentence's event took place: the first day it names ("on Tuesday", "on 24 November"), resolved against
 * its report's publication date, else the day of its report (news reports what just happened); null when neither
 * is known. Read for the few chosen bullets only: resolving dates costs a parse per sentence.
 */
export function eventDay(unit: Unit): string | null {
  const published = unit.passage.document.publishedAt ?? null;
  const named = resolveDates(unit.text, published).find(
    (m) => (Date.parse(m.to) - Date.parse(m.from)) / DAY_MS <= EVENT_SPAN_DAYS,
  );
  return named?.from ?? published?.slice(0, 10) ?? null;
}
