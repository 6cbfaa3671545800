import type { RetrievedPassage } from '../../corpus.ts';
import { analyzePassage } from '../../entities/analyze-text.ts';
import { buildLexicon, type Lexicon } from '../../entities/lexicon.ts';
import { buildIdf, type Idf } from './similarity.ts';
import { buildUnits, type Unit } from './units.ts';

/** Everything the extractive engine derives from the passages of one request. */
export interface EngineContext {
  units: Unit[];
  idf: Idf;
  lexicon: Lexicon;
  /** Words written in lower case somewhere in the passages (so not names). */
  lowerWords: Set<string>;
  /** Newest publication date among the passages (YYYY-MM-DD) or null. */
  newest: string | null;
  /** Units that share a distinctive word with the unit: the only ones that can say the same thing. */
  partners(unit: Unit): readonly Unit[];
  /** Documents the conversation's last answer cited (empty outside a conversation). */
  focus: ReadonlySet<string>;
}

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const LOWER_CASE = /^\p{Ll}/u;

/** A word used by more than this share of the units is too common to relate two of them. */
const COMMON_SHARE = 0.25;

function partnerIndex(units: readonly Unit[]): (unit: Unit) => readonly Unit[] {
  const byStem = new Map<string, Unit[]>();
  for (const u of units) for (const s of u.stems) byStem.set(s, [...(byStem.get(s) ?? []), u]);
  const limit = Math.max(2, units.length * COMMON_SHARE);
  const cache = new Map<Unit, Unit[]>();
  return (unit) => {
    let found = cache.get(unit);
    if (!found) {
      const set = new Set<Unit>();
      for (const s of unit.stems) {
        const sharing = byStem.get(s) ?? [];
        if (sharing.length <= limit) for (const u of sharing) if (u !== unit) set.add(u);
      }
      found = [...set];
      cache.set(unit, found);
    }
    return found;
  };
}

export function buildContext(
  passages: readonly RetrievedPassage[],
  focus: ReadonlySet<string> = new Set(),
): EngineContext {
  const lexicon = buildLexicon(passages.map((p) => analyzePassage(p)));
  const units = buildUnits(passages, lexicon);
  const lowerWords = new Set<string>();
  for (const u of units) for (const w of u.words) if (LOWER_CASE.test(w.text)) lowerWords.add(w.lower);
  const dates = passages.map((p) => p.document.publishedAt).filter((d): d is string => !!d);
  return {
    units,
    idf: buildIdf(units),
    lexicon,
    lowerWords,
    newest: dates.sort().at(-1) ?? null,
    partners: partnerIndex(units),
    focus,
  };
}
