import { passageId, type RetrievedPassage } from '../corpus.ts';
import type { CorpusStore } from '../ports/corpus-store.ts';
import { STORY_PASS, storyExtras } from '../retrieval/story-pass.ts';
import type { CorpusProfile } from './corpus-profile.ts';
import { expandedGroups } from './expand-query.ts';
import { describesStory, storyPassages } from './story-documents.ts';

/** How many passages each request hands the engine. */
export const CANDIDATES = {
  answer: 30,
  /** Further passages a follow-up may bring from the conversation's subject. */
  followUpExtra: 15,
  /** A briefing on one subject ("sanctions"): the passages naming it. */
  topic: 40,
  /** A corpus up to this size is briefed on whole; a larger one on its newest documents. */
  wholeCorpus: 400,
} as const;

/** Top hits whose neighbouring passages join the candidates (context such as the sentence before). */
const WITH_NEIGHBOURS = 8;

/**
 * Passages for already-validated text, best first: BM25 over FTS5 with the question widened by
 * synonyms and word forms, then the passages next to the best hits (so "talked for three hours" comes
 * with the paragraph saying it was the harbour lunch), then, when `storyShare` is above 0 (off by
 * default, see STORY_PASS), further passages of the story's documents from a deeper search (`storyExtras`, marked
 * `wider`). None when the text has no searchable words.
 */
export async function retrieve(
  corpus: CorpusStore,
  text: string,
  limit: number,
  storyShare: number = STORY_PASS.share,
): Promise<RetrievedPassage[]> {
  const groups = expandedGroups(text);
  if (groups.length === 0) return [];
  const deep = await corpus.searchPassages(groups, storyShare > 0 ? Math.round(limit * STORY_PASS.depth) : limit);
  const hits = deep.slice(0, limit);
  const have = new Set(hits.map((p) => p.id));
  const wanted: string[] = [];
  for (const hit of hits.slice(0, WITH_NEIGHBOURS)) {
    for (const ordinal of [hit.ordinal - 1, hit.ordinal + 1]) {
      const id = passageId(hit.documentId, ordinal);
      if (ordinal < 0 || have.has(id)) continue;
      have.add(id);
      wanted.push(id);
    }
  }
  const context = await corpus.getPassages(wanted);
  // The story's further passages come after the ordinary hits and their context: they add candidates, never
  // displace one, and are marked so that an engine judges what the corpus covers on the ordinary hits alone.
  const extras = storyExtras(deep, groups, have, Math.round(limit * storyShare));
  return [...hits, ...context, ...extras.map((p): RetrievedPassage => ({ ...p, wider: true }))];
}

/** Newest documents first, so a capped list keeps what is recent. */
function newestFirst(passages: RetrievedPassage[]): RetrievedPassage[] {
  return passages.sort(
    (a, b) =>
      (b.document.publishedAt ?? '').localeCompare(a.document.publishedAt ?? '') ||
      a.documentId.localeCompare(b.documentId) ||
      a.ordinal - b.ordinal,
  );
}

/** Newest documents, and passages of each, a large corpus is briefed on when no topic is given. */
const LATEST = { documents: 12, passages: 8 } as const;

/**
 * Passages for a briefing: documents ingested after `ingestedAfter` when given (a digest), the
 * articles of the story a topic describes (read whole), the passages naming a one-subject topic,
 * or the whole corpus when small (else the opening passages of its newest documents: a briefing
 * without a topic is about the latest news).
 */
export async function briefingPassages(
  corpus: CorpusStore,
  options: { topic?: string | undefined; ingestedAfter?: string | undefined; profile: () => Promise<CorpusProfile> },
): Promise<RetrievedPassage[]> {
  if (options.ingestedAfter) {
    return newestFirst(await corpus.listPassages({ ingestedAfter: options.ingestedAfter })).slice(
      0,
      CANDIDATES.wholeCorpus,
    );
  }
  if (options.topic) {
    return describesStory(options.topic)
      ? storyPassages(corpus, options.topic)
      : retrieve(corpus, options.topic, CANDIDATES.topic);
  }
  if ((await corpus.passageCount()) <= CANDIDATES.wholeCorpus) return corpus.listPassages();
  const ids = (await options.profile()).newestDocuments
    .slice(0, LATEST.documents)
    .flatMap((id) => Array.from({ length: LATEST.passages }, (_, ordinal) => passageId(id, ordinal)));
  return corpus.getPassages(ids);
}

/** Two ranked lists merged alternately (first list first), without repeats, up to `limit`. */
export function interleave(
  first: readonly RetrievedPassage[],
  second: readonly RetrievedPassage[],
  limit: number,
): RetrievedPassage[] {
  const out: RetrievedPassage[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < limit && (i < first.length || i < second.length); i++) {
    for (const p of [first[i], second[i]]) {
      if (!p || seen.has(p.id) || out.length >= limit) continue;
      seen.add(p.id);
      out.push(p);
    }
  }
  return out;
}
