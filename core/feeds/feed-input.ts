import { InputError } from '../errors.ts';

const UNITS: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440 };

/** Minutes of a poll interval such as "30m", "2h", "1d" or "45" (minutes); 1 minute to 7 days. */
export function parseInterval(text: string): number {
  const match = /^\s*(\d{1,5})\s*(m|min|h|d)?\s*$/i.exec(text);
  const minutes = match ? Number(match[1]) * (UNITS[(match[2] ?? 'm').toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 1440) {
    throw new InputError('bad_interval', `"${text}" is not an interval between 1m and 7d (e.g. 30m, 2h, 1d).`);
  }
  return minutes;
}

/** A feed URL as given by an operator: http(s) only, no credentials, at most 2,000 characters. */
export function parseFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new InputError('bad_url', `"${text.slice(0, 200)}" is not a URL (give an http:// or https:// address).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('bad_url', 'Only http:// and https:// feeds can be followed.');
  }
  if (url.username || url.password)
    throw new InputError('bad_url', 'Feed URLs with a user name or password are refused.');
  if (url.href.length > 2000) throw new InputError('bad_url', 'That URL is longer than 2,000 characters.');
  url.hash = '';
  return url.href;
}

/** "30m", "2h", "1d" for a number of minutes. */
export function formatInterval(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
