/**
 * Topic suggestions for autocomplete: the names the corpus talks about most
 * (people, places, organisations), found as runs of capitalised words.
 */
import type { AttacheApi } from '../api.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import type { Clock } from '../ports/clock.ts';
import { systemClock } from '../ports/clock.ts';

/** Capitalised words that are calendar or filler words, not subjects. */
const NOT_TOPICS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday mr mrs ms dr read more photo file image getty`
    .split(/\s+/)
    .filter(Boolean),
);

/** Job titles: they separate names ("Russian President Vladimir Putin" → Russian, Vladimir Putin) and are no topic alone. */
const TITLE_WORDS: ReadonlySet<string> = new Set(
  `president vice deputy secretary minister foreign spokesman spokeswoman spokesperson prime chancellor ambassador
general state undersecretary envoy chief head director senator sen rep gov governor adviser advisor`.split(/\s+/),
);

// A name word: starts upper-case (NATO, U.S., Ryabkov, O'Brien), optional inner dots, apostrophes and hyphens.
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}]*(?:[.'’-]\p{L}[\p{L}\p{N}]*)*\.?`;
const NAME_RUN = new RegExp(`${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,3}`, 'gu');

interface Tally {
  /** How many texts mention the name. */
  texts: number;
  /** Spellings seen, with counts; the most common one is shown. */
  spellings: Map<string, number>;
}

function isTopicWord(word: string): boolean {
  const key = word.toLowerCase().replace(/[.'’]+$/g, '');
  return key.length > 1 && !STOPWORDS.has(key) && !NOT_TOPICS.has(key);
}

const ABBREVIATION = /^(?:\p{L}\.)+$/u;

/** Drops filler words at either end ("The Kremlin" → "Kremlin"); null when nothing is left. */
function trimFiller(words: string[]): string | null {
  let start = 0;
  let end = words.length;
  while (start < end && !isTopicWord(words[start] ?? '')) start += 1;
  while (end > start && !isTopicWord(words[end - 1] ?? '')) end -= 1;
  return end > start ? words.slice(start, end).join(' ') : null;
}

/**
 * Splits a run of capitalised words where a sentence ends ("in Geneva. The
 * Kremlin") or at a job title, then trims filler words from each part.
 */
function namesOfRun(run: string): string[] {
  const parts: string[][] = [[]];
  for (const raw of run.split(/[ \t]+/)) {
    const word = raw.replace(/[’']s$/u, '');
    const endsSentence = word.endsWith('.') && !ABBREVIATION.test(word);
    const bare = endsSentence ? word.slice(0, -1) : word;
    if (TITLE_WORDS.has(bare.toLowerCase())) parts.push([]);
    else parts.at(-1)?.push(bare);
    if (endsSentence) parts.push([]);
  }
  return parts.flatMap((words) => trimFiller(words) ?? []);
}

/** The candidate names in one text. */
function namesIn(text: string): string[] {
  return [...text.normalize('NFC').matchAll(NAME_RUN)].flatMap((match) => namesOfRun(match[0]));
}

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount) [best, bestCount] = [spelling, count];
  }
  return best;
}

/**
 * The most frequent names across texts (document titles and passages), best
 * first: ranked by how many texts mention them, ties alphabetically.
 */
export function extractTopics(texts: readonly string[], limit = 100): string[] {
  const tallies = new Map<string, Tally>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const name of namesIn(text)) {
      const key = name.toLowerCase();
      const tally = tallies.get(key) ?? { texts: 0, spellings: new Map<string, number>() };
      if (!seen.has(key)) tally.texts += 1;
      seen.add(key);
      tally.spellings.set(name, (tally.spellings.get(name) ?? 0) + 1);
      tallies.set(key, tally);
    }
  }
  return [...tallies.values()]
    .map((t) => ({ label: mostCommon(t.spellings), texts: t.texts }))
    .sort((a, b) => b.texts - a.texts || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((t) => t.label);
}

/**
 * The topics that match what the user typed, at most `limit`: names starting
 * with it first, then names with a word starting with it. Empty input gives the top topics.
 */
export function matchTopics(topics: readonly string[], typed: string, limit = 25): string[] {
  const query = typed.trim().toLowerCase();
  if (query === '') return topics.slice(0, limit);
  const starts = topics.filter((t) => t.toLowerCase().startsWith(query));
  const words = topics.filter(
    (t) =>
      !starts.includes(t) &&
      t
        .toLowerCase()
        .split(/[\s-]+/)
        .some((word) => word.startsWith(query)),
  );
  return [...starts, ...words].slice(0, limit);
}

/** Cached topic list over the corpus, refreshed at most every `ttlMs`. */
export interface TopicIndex {
  topics(): Promise<string[]>;
  suggest(typed: string, limit?: number): Promise<string[]>;
}

/** Words of the document titles, used to pull representative passages from the corpus. */
function probeText(titles: readonly string[]): string {
  const words = [...new Set(titles.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [])].filter(isTopicWord);
  return words.slice(0, 40).join(' ');
}

/**
 * Topic suggestions from the corpus behind an AttacheApi: document titles plus
 * the passages that best match them. Computed lazily and cached, because
 * autocomplete asks on every keystroke.
 */
export function createTopicIndex(
  api: Pick<AttacheApi, 'sources' | 'search'>,
  options: { ttlMs?: number; clock?: Clock; limit?: number } = {},
): TopicIndex {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const clock = options.clock ?? systemClock;
  let cached: { at: number; topics: string[] } | undefined;
  const topics = async (): Promise<string[]> => {
    const now = clock.now().getTime();
    if (cached && now - cached.at < ttlMs) return cached.topics;
    const titles = (await api.sources()).flatMap((d) => (d.title ? [d.title] : []));
    const probe = probeText(titles);
    const passages = probe ? (await api.search(probe, 200)).passages.map((p) => p.text) : [];
    cached = { at: now, topics: extractTopics([...titles, ...passages], options.limit ?? 200) };
    return cached.topics;
  };
  return { topics, suggest: async (typed, limit = 25) => matchTopics(await topics(), typed, limit) };
}
