import type { RetrievedPassage } from '../corpus.ts';
import { analyzePassage } from '../entities/analyze-text.ts';
import { buildLexicon } from '../entities/lexicon.ts';
import { joinNames } from '../language/list.ts';
import { words } from '../language/words.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorpusStore } from '../ports/corpus-store.ts';

/** What the corpus is about, for refusals ("it covers …") and the default briefing at scale. */
export interface CorpusProfile {
  documents: number;
  /** "9–11 January 2022", or null when no document is dated. */
  dateRange: string | null;
  /** The people, places and organisations most documents mention, most common first. */
  topEntities: string[];
  /** One sentence saying what the corpus covers. */
  summary: string;
  /** Ids of the newest documents, newest first (at most the sample size). */
  newestDocuments: string[];
}

/** Documents sampled (newest first) and passages read per document to build the profile. */
const SAMPLE = { documents: 200, passagesPerDocument: 4, entities: 8 } as const;
/** How long a profile is trusted before the passage count is checked again. */
const RECHECK_MS = 10_000;
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

function formatDate(iso: string): { day: number; month: string; year: string } {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  return { day: Number(day), month: MONTHS[Number(month) - 1] ?? '', year };
}

function dateRange(dates: readonly string[]): string | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const a = formatDate(sorted[0] as string);
  const b = formatDate(sorted.at(-1) as string);
  if (sorted[0] === sorted.at(-1)) return `${a.day} ${a.month} ${a.year}`;
  if (a.month === b.month && a.year === b.year) return `${a.day}–${b.day} ${a.month} ${a.year}`;
  return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
}

async function buildProfile(corpus: CorpusStore): Promise<CorpusProfile> {
  const all = await corpus.listDocuments();
  const documents = [...all]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.id.localeCompare(b.id))
    .slice(0, SAMPLE.documents);
  const ids = documents.flatMap((d) => Array.from({ length: SAMPLE.passagesPerDocument }, (_, i) => `${d.id}:${i}`));
  const passages: RetrievedPassage[] = await corpus.getPassages(ids);
  const lexicon = buildLexicon(passages.map((p) => analyzePassage(p)));
  const docsOf = new Map<string, Set<string>>();
  for (const p of passages) {
    // Capitalised mentions only: a name that is also a common word ("Summit", "West") counts where it is a name.
    for (const m of lexicon.findWords(words(p.text), true)) {
      // Adjectives of nationality ("Russian") name no subject of their own.
      if (m.entity.kind === 'other' || /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish)$/u.test(m.entity.name)) continue;
      docsOf.set(m.entity.name, (docsOf.get(m.entity.name) ?? new Set()).add(p.documentId));
    }
  }
  const topEntities = [...docsOf.entries()]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .slice(0, SAMPLE.entities)
    .map(([name]) => name);
  const total = all.length;
  const range = dateRange(documents.map((d) => d.publishedAt).filter((d): d is string => !!d));
  const what = `${total} news ${total === 1 ? 'article' : 'articles'}${range ? ` from ${range}` : ''}`;
  const summary =
    total === 0
      ? 'The corpus is empty.'
      : `The corpus holds ${what}${topEntities.length > 0 ? ` about ${joinNames(topEntities)}` : ''}.`;
  return {
    documents: total,
    dateRange: range,
    topEntities,
    summary,
    newestDocuments: documents.map((d) => d.id),
  };
}

/** The corpus profile, rebuilt when the number of passages changes (checked at most every ten seconds). */
export function createProfileCache(corpus: CorpusStore, clock: Clock): () => Promise<CorpusProfile> {
  let cached: { count: number; checkedAt: number; profile: CorpusProfile } | null = null;
  return async () => {
    const now = clock.now().getTime();
    if (cached && now - cached.checkedAt < RECHECK_MS) return cached.profile;
    const count = await corpus.passageCount();
    if (!cached || cached.count !== count) cached = { count, checkedAt: now, profile: await buildProfile(corpus) };
    cached.checkedAt = now;
    return cached.profile;
  };
}
