import type { RetrievedPassage } from '../../corpus.ts';
import { analyzePassage } from '../../entities/analyze-text.ts';
import type { Entity, Lexicon } from '../../entities/lexicon.ts';
import { foldCase } from '../../language/fold.ts';
import { hasOpenQuote, quotedSpans } from '../../language/quotes.ts';
import { isStopword, type Word } from '../../language/words.ts';
import { SPEECH, speakersOf } from './speakers.ts';

/** A citable piece of a passage: one sentence, or a few when a quotation spans them. */
export interface Unit {
  index: number;
  passage: RetrievedPassage;
  /** Rank of the passage in retrieval (0 = best). */
  rank: number;
  /** Position of the unit in its passage. */
  position: number;
  /** Verbatim text of the passage: the citation quote. */
  text: string;
  /** The text in lower case without diacritics (foldCase), for matching words and names. */
  folded: string;
  words: Word[];
  /** Content stems (hyphenated words split). */
  stems: Set<string>;
  /** Entities named or referred to (he/she resolved within the document). */
  entities: Set<Entity>;
  /** Who speaks in it: named with a speech verb, or carried over to a bare quotation. */
  speakers: Set<Entity>;
  /** Normalised quotations, for spotting the same quote in several outlets. */
  quotes: string[];
  /** The unit names its own source ("Ryabkov said", "according to"), so needs no outlet prefix. */
  attributed: boolean;
}

const MALE = /\b(?:he|his|him)\b/i;
const FEMALE = /\b(?:she|her)\b/i;
/** Longest run of sentences merged to close an open quotation. */
const MAX_MERGED = 3;

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

const normalizeQuote = (q: string) => q.toLowerCase().replace(NOT_WORD, ' ').trim();

function stemsOf(ws: readonly Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of ws) {
    const parts = w.lower.includes('-') ? w.lower.split('-') : [w.lower];
    for (const part of parts) if (part.length > 1 && !isStopword(part)) out.add(parts.length > 1 ? part : w.stem);
  }
  return out;
}

interface Span {
  start: number;
  end: number;
  words: Word[];
}

/** Sentences of a passage, merged while a quotation stays open. */
function spansOf(passage: RetrievedPassage): Span[] {
  const sentences = analyzePassage(passage).sentences;
  const spans: Span[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i];
    if (!first) continue;
    let end = first.end;
    const ws = [...first.words];
    let merged = 1;
    while (hasOpenQuote(passage.text.slice(first.start, end)) && merged < MAX_MERGED && sentences[i + 1]) {
      const next = sentences[++i];
      if (!next) break;
      const shift = next.start - first.start;
      ws.push(...next.words.map((w) => ({ ...w, start: w.start + shift, end: w.end + shift })));
      end = next.end;
      merged++;
    }
    spans.push({ start: first.start, end, words: ws });
  }
  return spans;
}

/** [start, end) ranges of the text inside double quotation marks (an open quotation runs to the end). */
function quoteRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"' && ch !== '“' && ch !== '”') continue;
    if (open < 0) {
      if (ch !== '”') open = i;
    } else {
      ranges.push([open, i]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

/** Splits the retrieved passages into units and resolves he/she and bare quotations within each document. */
export function buildUnits(passages: readonly RetrievedPassage[], lexicon: Lexicon): Unit[] {
  const units: Unit[] = [];
  const ordered = passages
    .map((passage, rank) => ({ passage, rank }))
    .sort((a, b) => a.passage.documentId.localeCompare(b.passage.documentId) || a.passage.ordinal - b.passage.ordinal);
  let lastDoc = '';
  let lastOrdinal = -10;
  let lastMale: Entity | null = null;
  let lastFemale: Entity | null = null;
  let lastSpeakers = new Set<Entity>();
  for (const { passage, rank } of ordered) {
    // Pronouns reach back only into the same or the previous passage of the same document.
    if (passage.documentId !== lastDoc || passage.ordinal - lastOrdinal > 1) {
      lastMale = lastFemale = null;
      lastSpeakers = new Set();
    }
    lastDoc = passage.documentId;
    lastOrdinal = passage.ordinal;
    spansOf(passage).forEach((span, position) => {
      const text = passage.text.slice(span.start, span.end);
      const found = lexicon.findWords(span.words, true);
      const mentions = found.map((m) => m.entity);
      const entities = new Set(mentions);
      const persons = mentions.filter((e) => e.kind === 'person');
      if (MALE.test(text) && lastMale && !persons.some((p) => p.gender === 'male')) entities.add(lastMale);
      if (FEMALE.test(text) && lastFemale && !persons.some((p) => p.gender === 'female')) entities.add(lastFemale);
      const quotes = quotedSpans(text);
      const inQuote = quoteRanges(text);
      const outside = found.filter((m) => !inQuote.some(([a, b]) => m.start >= a && m.start < b));
      const named = new Set(persons);
      const he = MALE.test(text) && lastMale && !named.has(lastMale) ? lastMale : null;
      const she = FEMALE.test(text) && lastFemale && !named.has(lastFemale) ? lastFemale : null;
      const speakers = speakersOf(text, outside, he ?? she, lastSpeakers);
      for (const e of speakers) entities.add(e);
      units.push({
        index: units.length,
        passage,
        rank,
        position,
        text,
        folded: foldCase(text),
        words: span.words,
        stems: stemsOf(span.words),
        entities,
        speakers,
        quotes: quotes.map(normalizeQuote).filter((q) => q.split(' ').length >= 4),
        attributed: SPEECH.test(text) || (quotes.length > 0 && speakers.size > 0),
      });
      for (const p of persons) {
        if (p.gender === 'male') lastMale = p;
        if (p.gender === 'female') lastFemale = p;
      }
      if (speakers.size > 0) lastSpeakers = speakers;
    });
  }
  return units.sort((a, b) => a.rank - b.rank || a.position - b.position).map((u, index) => ({ ...u, index }));
}
