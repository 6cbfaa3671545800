import type { DraftBlock } from '../../ports/engine.ts';
import { cosine, type Idf, sameClaim } from './similarity.ts';
import type { Unit } from './units.ts';

/** One claim and the units of other documents that say the same thing. */
export interface Cluster {
  rep: Unit;
  /** The representative first, then at most one unit per other document. */
  members: Unit[];
}

/** Gathers, for each other document, its unit that best says what `rep` says (`same`: by default, the same claim). */
export function clusterAround(
  rep: Unit,
  units: readonly Unit[],
  idf: Idf,
  same: (a: Unit, b: Unit, idf: Idf) => boolean = sameClaim,
): Cluster {
  const best = new Map<string, { unit: Unit; score: number }>();
  for (const u of units) {
    if (u.passage.documentId === rep.passage.documentId || !same(rep, u, idf)) continue;
    const score = cosine(rep, u, idf);
    const current = best.get(u.passage.documentId);
    if (!current || score > current.score) best.set(u.passage.documentId, { unit: u, score });
  }
  return { rep, members: [rep, ...[...best.values()].map((b) => b.unit)] };
}

/** Number of documents behind a cluster. */
export function support(cluster: Cluster): number {
  return cluster.members.length;
}

/** A datelined lead ("MOSCOW (Reuters) - ", "MOSCOW-") is not part of the claim. */
const DATELINE = /^[A-Z][A-Z.'’ ]{4,}(?:\s*\([^)]{1,40}\))?\s*[-–—]\s*(?=\p{Lu})/u;
const SPEECH = /\b(?:said|says|told|added|warned|insisted|replied|according to|quoted)\b/i;
/**
 * Openings that lean on an earlier sentence ("He said…", "In response, …", "these demands"), and the
 * items of an enumeration ("Second, it has set…"), which continue a list begun before.
 */
const DANGLING =
  /^(?:he|she|it|they|this|that|these|those|but|and|instead|in addition|in response|however|also|meanwhile)\b|^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly|moreover|furthermore|besides),/i;
const BACK_REFERENCE = /\b(?:these|those) (?!from|who|which|of|in|at|with)[a-z]+/i;
/** "…," he said.: attributed to a pronoun, so the reader cannot tell who spoke. */
const PRONOUN_SPEAKER =
  /["”]\s*,?\s*(?:he|she|they) (?:said|told|added|replied|warned)|\b(?:said|told|added) (?:he|she)\b/i;

/**
 * The text a unit shows as a claim: verbatim (dateline aside). A bare quotation continuing an
 * earlier sentence names its speaker ("Sergei Ryabkov said: “…”"); a sentence that does not name
 * its source is attributed to the outlet ("According to DW, …"), lower-casing its first letter
 * only when that word is a common one and no quotation starts there. Quoted spans stay verbatim.
 */
export function claimText(unit: Unit, outlet: string | null, lowerWords: ReadonlySet<string>): string {
  const text = unit.text.replace(DATELINE, '');
  if (/^["“]/.test(text) && !SPEECH.test(text)) {
    const speaker = [...unit.speakers].find((e) => e.kind === 'person') ?? [...unit.speakers][0];
    if (speaker) return `${speaker.name} said: ${text}`;
  }
  if (unit.attributed) return text;
  const first = /^\p{L}[\p{L}-]*/u.exec(text)?.[0] ?? '';
  const common = first !== '' && first !== 'I' && lowerWords.has(first.toLowerCase()) && !/^\p{Lu}{2,}/u.test(first);
  const body = common ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  return `According to ${outlet ?? 'a news report'}, ${body}`;
}

/** Whether a unit reads on its own (does not start with "He", "But", "This"…). */
export function selfContained(unit: Unit): boolean {
  return !DANGLING.test(unit.text) && !BACK_REFERENCE.test(unit.text) && !PRONOUN_SPEAKER.test(unit.text);
}

/**
 * Whether a unit reads as a whole sentence: it ends on a full stop, "!" or "?" (maybe inside closing quotes or
 * brackets), or it is its article's headline. One that does not was cut off at its source ("…they must firs").
 */
export function complete(unit: Unit): boolean {
  return /[.!?]["”’')\]]*\s*$/u.test(unit.text) || (unit.passage.ordinal === 0 && unit.position === 0);
}

/**
 * The block of a cluster: the shortest self-contained, complete member as the text (the representative
 * when none is, or when `show` asks for it: an answer shows the sentence that answers), citing
 * every member, the shown one first.
 */
export function blockFor(
  cluster: Cluster,
  lowerWords: ReadonlySet<string>,
  show: 'shortest' | 'rep' = 'shortest',
): DraftBlock {
  const readable = cluster.members.filter(selfContained);
  const whole = readable.filter(complete);
  // A sentence cut off at its source is shown only when no other outlet's words say the same.
  const options = show === 'rep' ? [cluster.rep] : whole.length > 0 ? whole : readable;
  const shown = (options.length > 0 ? options : [cluster.rep])
    .map((unit) => ({ unit, text: claimText(unit, unit.passage.document.outlet, lowerWords) }))
    .reduce((a, b) => (b.text.length < a.text.length ? b : a));
  const ordered = [shown.unit, ...cluster.members.filter((m) => m !== shown.unit)];
  return { text: shown.text, citations: ordered.map((u) => ({ passageId: u.passage.id, quote: u.text })) };
}
