/**
 * Comparable facts in news sentences: counts of a noun ("100,000 troops"), durations ("for two
 * hours"), calendar dates of an event, and who said a quoted line. Contradiction detection compares them.
 */
import type { RetrievedPassage } from '../corpus.ts';
import { splitSentences } from '../ingest/split-sentences.ts';
import { resolveDates } from '../language/dates.ts';
import { attributeQuote } from './attribution.ts';

export type FactType = 'count' | 'duration' | 'date' | 'speaker';

/** One value a sentence gives. */
export interface Fact {
  type: FactType;
  /** What is measured; facts are compared only with facts of the same type and key. */
  key: string;
  /** Lowest and highest value meant (a count, minutes, a day number, or a speaker's index in `speakers`). */
  low: number;
  high: number;
  /** A speaker's surname, for 'speaker' facts. */
  label?: string;
  /** The value as written ("about 100,000", "two hours", "Sunday (9 January 2022)", "Ryabkov"). */
  display: string;
  /** The sentence that gives it, verbatim from the passage. */
  sentence: string;
  /** Content words of the clause around the value, to tell whether two facts are about the same event. */
  context: Set<string>;
  passage: RetrievedPassage;
}

const SMALL_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  a: 1,
  an: 1,
  half: 0.5,
};

/** Vague amounts, as the ranges English means by them. */
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 199],
  hundreds: [200, 1999],
  thousands: [2000, 19_999],
  'tens of thousands': [20_000, 199_999],
  'hundreds of thousands': [200_000, 1_999_999],
  millions: [2_000_000, 19_999_999],
};

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Words of approximation: "about 100,000" agrees with "100,000". */
const QUALIFIER =
  '(?:about|around|roughly|some|nearly|almost|approximately|an estimated|more than|over|at least|up to|fewer than|less than|close to)';
const AMOUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:thousand|million|billion))?|(?:tens|hundreds) of thousands|dozens|hundreds|thousands|millions|${Object.keys(
  SMALL_NUMBERS,
)
  .filter((w) => w.length > 2)
  .join('|')})`;
const COUNT = new RegExp(
  String.raw`\b(?:(${QUALIFIER})\s+)?(${AMOUNT})\s+(?:of\s+)?(?:([a-z][a-z-]+)\s+)?([a-z][a-z-]+s)\b`,
  'gi',
);

/** Plural nouns that measure time or are not counted things. */
const NOT_COUNTED = new Set(
  `years months weeks days hours minutes seconds times percent cents others ones sides its us has was is ideas series news
  thanks means less`.split(/\s+/),
);

const TIME_UNITS: Record<string, number> = { minute: 1, hour: 60, day: 1440, week: 10_080, month: 43_200 };
const DURATION = new RegExp(
  String.raw`\bfor\s+(?:(${QUALIFIER})\s+)?(\d+(?:\.\d+)?|an?|${Object.keys(SMALL_NUMBERS)
    .filter((w) => w.length > 2)
    .join('|')})(?:\s+and a half)?\s+(minute|hour|day|week|month)s?\b|\b(\d+|${Object.keys(SMALL_NUMBERS)
    .filter((w) => w.length > 2)
    .join('|')})-(minute|hour|day|week|month)\b`,
  'gi',
);

const STOPWORDS = new Set(
  `a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these those
  he she they we i you his her their our said says say told also would will could should may might not no than then there
  which who whom what when where while after before about over into more most some such only other any all both each
  on monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december week month year day today yesterday`.split(/\s+/),
);

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const CONTENT_WORD = /\p{L}[\p{L}'’-]*/gu;

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(CONTENT_WORD) ?? []) {
    const word = w.replace(/['’]s$/, '');
    if (word.length > 2 && !STOPWORDS.has(word)) out.add(word.replace(/(?:ies)$/, 'y').replace(/(?<=[^s])s$/, ''));
  }
  return out;
}

function clauseOf(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const from = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—')) + 1;
  const rest = sentence.slice(at).search(/[;:—]/);
  return sentence.slice(from, rest < 0 ? sentence.length : at + rest);
}

function amount(text: string): [number, number] | null {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE[lower];
  if (vague) return vague;
  const small = SMALL_NUMBERS[lower];
  if (small !== undefined) return [small, small];
  const m = /^([\d,.]+)(?: (thousand|million|billion))?$/.exec(lower);
  if (!m) return null;
  const value = Number((m[1] as string).replace(/,/g, '')) * (m[2] ? (SCALE[m[2]] ?? 1) : 1);
  return Number.isFinite(value) ? [value, value] : null;
}

function countFacts(sentence: string, passage: RetrievedPassage): Fact[] {
  const facts: Fact[] = [];
  for (const m of sentence.matchAll(COUNT)) {
    const [, qualifier, written = '', adjective, noun = ''] = m;
    const lowerNoun = noun.toLowerCase();
    if (NOT_COUNTED.has(lowerNoun) || STOPWORDS.has(lowerNoun)) continue;
    // A bare four-digit number before a noun is a year ("2022 elections"), not a count.
    if (/^(1[89]|20)\d\d$/.test(written)) continue;
    const range = amount(written);
    if (!range) continue;
    // "one" and "a" count only with a plural noun they cannot take, so skip them; small counts of people still count.
    if (range[1] < 2) continue;
    const display = `${qualifier ? `${qualifier.toLowerCase()} ` : ''}${written}`;
    const about = adjective && !STOPWORDS.has(adjective.toLowerCase()) ? `${adjective} ${noun}` : noun;
    facts.push({
      type: 'count',
      key: lowerNoun,
      low: range[0],
      high: range[1],
      display,
      sentence,
      context: contentWords(clauseOf(sentence, m.index)),
      passage,
      label: about.toLowerCase(),
    });
  }
  return facts;
}

function durationFacts(sentence: string, passage: RetrievedPassage): Fact[] {
  const facts: Fact[] = [];
  for (const m of sentence.matchAll(DURATION)) {
    const written = (m[2] ?? m[4] ?? '').toLowerCase();
    const unit = (m[3] ?? m[5] ?? '').toLowerCase();
    const n = /^\d/.test(written) ? Number(written) : SMALL_NUMBERS[written];
    const minutes = TIME_UNITS[unit];
    if (n === undefined || minutes === undefined) continue;
    const value = (n + (/and a half/i.test(m[0]) ? 0.5 : 0)) * minutes;
    const display = m[0].replace(/^for\s+/i, '');
    facts.push({
      type: 'duration',
      key: 'duration',
      low: value,
      high: value,
      display,
      sentence,
      context: contentWords(clauseOf(sentence, m.index)),
      passage,
    });
  }
  return facts;
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The comma-separated part of a sentence holding a date, widened until it says something ("On Sunday, Russia ruled out…"). */
function dateClause(sentence: string, start: number, end: number): Set<string> {
  const parts = sentence.split(/(?<=,)\s/);
  let offset = 0;
  let index = 0;
  for (; index < parts.length; index++) {
    const length = (parts[index] as string).length + 1;
    if (start < offset + length) break;
    offset += length;
  }
  let words = contentWords(parts[index] ?? sentence);
  for (let next = index + 1; words.size < 3 && next < parts.length; next++) {
    words = new Set([...words, ...contentWords(parts[next] as string)]);
  }
  return words.size > 0 ? words : contentWords(clauseOf(sentence, start + (end - start)));
}

function dateFacts(sentence: string, passage: RetrievedPassage): Fact[] {
  // Only dates written out in full are compared: a weekday resolved by tense is a reading, and two
  // readings that differ are no evidence that the outlets do.
  return resolveDates(sentence, passage.document.publishedAt)
    .filter((d) => !d.relative)
    .map((d) => ({
      type: 'date' as const,
      key: 'date',
      low: dayNumber(d.from),
      high: dayNumber(d.to),
      display: d.from === d.to ? d.from : `${d.from}..${d.to}`,
      sentence,
      context: dateClause(sentence, d.start, d.end),
      passage,
    }));
}

/** Quoted lines of at least this many words are compared for who said them. */
const MIN_QUOTED_WORDS = 6;

function speakerFacts(sentence: string, passage: RetrievedPassage): Fact[] {
  const facts: Fact[] = [];
  for (const m of sentence.matchAll(/["“]([^"“”]+)["”]/g)) {
    const line = (m[1] ?? '').trim();
    if (line.split(/\s+/).length < MIN_QUOTED_WORDS) continue;
    const attribution = attributeQuote(passage.text, sentence);
    if (attribution.kind !== 'on-record' || !attribution.speaker) continue;
    const surname = attribution.speaker.split(/\s+/).at(-1) ?? attribution.speaker;
    const key = line
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .replace(/\s+/g, ' ')
      .slice(0, 60);
    facts.push({
      type: 'speaker',
      key,
      low: 0,
      high: 0,
      label: surname,
      display: attribution.speaker,
      sentence,
      context: new Set(),
      passage,
    });
    // The line's first words, as written, name it in the block ("who said the words beginning “We will not agree”").
  }
  return facts;
}

const MAX_CACHED = 5_000;

/** A passage's prose sentences and, per kind, the facts of each sentence, filled in as they are asked for. */
interface PassageEntry {
  text: string;
  sentences: string[];
  facts: Map<FactType, (Fact[] | undefined)[]>;
}
const cache = new Map<string, PassageEntry>();

/** The kinds in the order a sentence lists its facts. */
const KINDS: readonly FactType[] = ['count', 'duration', 'date', 'speaker'];
const EXTRACT: Record<FactType, (sentence: string, passage: RetrievedPassage) => Fact[]> = {
  count: countFacts,
  duration: durationFacts,
  date: dateFacts,
  speaker: speakerFacts,
};

/**
 * The comparable facts of a passage, sentence by sentence (within a sentence: counts, durations, dates, speakers),
 * of the kinds asked for (all by default) in the sentences `sentence` keeps (all by default). Memoised by passage id
 * (checked against the text and publication date, which the facts depend on) and filled per sentence and kind only
 * when asked for: every reply compares dozens of passages, and dates (chrono-node) and speakers (attribution) cost
 * most while a reply usually needs few of them.
 */
export function passageFacts(
  passage: RetrievedPassage,
  options: { types?: ReadonlySet<FactType>; sentence?: (text: string) => boolean } = {},
): Fact[] {
  const key = `${passage.id}\u0000${passage.document.publishedAt ?? ''}`;
  let entry = cache.get(key);
  if (!entry || entry.text !== passage.text) {
    entry = { text: passage.text, sentences: proseSentences(passage.text), facts: new Map() };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
  }
  const out: Fact[] = [];
  const kinds = KINDS.filter((kind) => !options.types || options.types.has(kind));
  entry.sentences.forEach((sentence, i) => {
    if (options.sentence && !options.sentence(sentence)) return;
    for (const kind of kinds) {
      let bySentence = (entry as PassageEntry).facts.get(kind);
      if (!bySentence) {
        bySentence = [];
        (entry as PassageEntry).facts.set(kind, bySentence);
      }
      let facts = bySentence[i];
      if (!facts) {
        facts = EXTRACT[kind](sentence, passage);
        bySentence[i] = facts;
      }
      for (const f of facts) out.push({ ...f, passage });
    }
  });
  return out;
}

/** Fewest words of a sentence whose values are compared: shorter lines are headlines, captions or page furniture. */
const MIN_SENTENCE_WORDS = 8;

/** A sentence of prose: long enough and ending as sentences do (menus, captions and link lists do not). */
function isProse(sentence: string): boolean {
  return (
    sentence.split(/\s+/).length >= MIN_SENTENCE_WORDS &&
    /[.!?]["'”’)]*$/.test(sentence.trim()) &&
    !PHOTO_CAPTION.test(sentence) &&
    // Related-story links ("— Families reunite…") and captions ("From left, …") are not reporting.
    !/^\s*(?:[—–-]|\(?(?:from left|left to right|l-r)\b)/i.test(sentence)
  );
}

/** Marks of a photo caption or credit ("… in Moscow, July 12, 2023. REUTERS/Name", "(AP Photo/…)"). */
const PHOTO_CAPTION =
  /\bphoto\b|\bphotograph\b|\bimage:|\bgetty images\b|\/\s?(?:reuters|afp|ap|pool)\b|\bfile picture\b|\bpictured\b|\bcaption\b/i;

function proseSentences(text: string): string[] {
  return splitSentences(text)
    .map((s) => s.text)
    .filter(isProse);
}

/** The share of content words two contexts have in common (Jaccard). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Content words both contexts have, for describing what they are about. */
export function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((w) => b.has(w));
}
