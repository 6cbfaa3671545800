/**
 * Bylines and credit lines: who wrote or supplied a story ("By Jane Doe", "JANE DOE, Example Times diplomatic
 * correspondent", "Example Gazette report", "(Reporting by …)", "Daily Example (Springfield)"). One trimmed line each.
 */

import { wordCount } from './words.ts';

const NAME_WORD = "(?:[A-Z][\\p{L}'’-]+|[A-Z]\\.|(?:de|da|van|von|al|bin|der|la|le)(?=\\s))";
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}`;
const BYLINE = new RegExp(`^By\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)(?:\\s*[,|]\\s*.{0,40})?$`, 'u');
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');
// "JANE DOE, Example Times diplomatic correspondent | Politics": a name, then the writer's job at the outlet.
const ROLE_BYLINE = new RegExp(
  `^(${NAME}),\\s+[^.!?"“”]{0,60}\\b(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|bureau chief|analyst)s?\\b\\s*(?:$|[|,]|(?:at|for|in)\\b)`,
  'iu',
);
// "Example Gazette report", "Example News Desk", "Web Desk": the outlet credited instead of a writer.
const DESK_CREDIT = /^[\p{Lu}][\p{L}.&'’ -]{1,40}\s(?:report|staff|desk|bureau)$|^(?:Web|News) Desk$/u;
// "Daily Example (Springfield)": a masthead with its city.
const MASTHEAD = /^[\p{Lu}][\p{L}.&'’-]+(?: [\p{Lu}][\p{L}.&'’-]+){0,2} \([\p{Lu}][\p{L} .-]{1,30}\)$/u;
const AGENCY =
  '(?:Agencies|Reuters|AP|AFP|Xinhua|dpa|EFE|Bloomberg|The Associated Press|Associated Press|Agence France-Presse|Anadolu|TASS|Sputnik|Kyodo|Yonhap|PTI|ANI|IANS)';

/** End-of-story agency credits: "(Reporting by ...; Editing by ...)", "ab, ar/dj (AFP, Reuters)", "Agencies via Xinhua". */
const STORY_CREDITS = [
  /^\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Edited|Research)(?: by)?\b[^()]*\)$/i,
  /^[a-z]{1,4}(?:\s*[,/]\s*[a-z]{1,4})*\s*\((?:[A-Za-z.&' -]+)(?:,\s*[A-Za-z.&' -]+)*\)$/,
  /^(?:Agencies|With agencies|Source|Sources|Staff and agencies)(?:\s+(?:via|and|with)\s+.{1,40})?$/i,
  new RegExp(`^${AGENCY}(?:\\s*[,/&]\\s*${AGENCY})*$`, 'i'),
  // "Source: Example News", "03:43 - Source: Example TV", "SOURCE: NEWS AGENCIES".
  /^(?:[\d:.]+\s*[-–—|]\s*)?Sources?\s*:\s*[^.!?]{1,40}$/i,
];

/** The author named by a "By Jane Doe" byline, or null when the line is not a byline. */
export function bylineAuthor(line: string): string | null {
  return BYLINE.exec(line)?.[1]?.trim() ?? null;
}

/** The writer named by a "JANE DOE, Example Times correspondent" byline, or null. */
export function roleBylineAuthor(line: string): string | null {
  if (wordCount(line) > 16) return null;
  return ROLE_BYLINE.exec(line)?.[1]?.trim() ?? null;
}

/** True when the whole line looks like a personal name ("Dmitry Antonov"). */
export function isNameOnly(line: string): boolean {
  return NAME_ONLY.test(line);
}

/** True for end-of-story agency and editing credits, source lines, desk credits and mastheads. */
export function isStoryCredit(line: string): boolean {
  if (wordCount(line) <= 6 && (DESK_CREDIT.test(line) || MASTHEAD.test(line))) return true;
  return STORY_CREDITS.some((rule) => rule.test(line));
}
