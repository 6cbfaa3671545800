/** MinHash signatures of word shingles, to find near-identical copies of one text across outlets. */

const HASHES = 64;
const SHINGLE = 5;

/** Fixed odd multipliers and offsets (deterministic, so stored signatures stay comparable across runs). */
const SEEDS = Array.from({ length: HASHES }, (_, i) => ({
  a: (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  b: Math.imul(i + 7, 0x85ebca6b) >>> 0,
}));

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The words of a text, lower-case, punctuation and typographic variants ignored. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The MinHash signature of a text's 5-word shingles (a text shorter than that is one shingle). */
export function minhashSignature(text: string): number[] {
  const tokens = words(text);
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const base = fnv1a(tokens.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const seed = SEEDS[k] as { a: number; b: number };
      const value = mix((Math.imul(base, seed.a) + seed.b) >>> 0);
      if (value < (signature[k] as number)) signature[k] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two texts' shingle sets (0–1). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
