import { type Passage, passageId, type RetrievedPassage } from '../corpus.ts';
import { cachedAnalysis } from '../entities/analyze-text.ts';
import { isCalendarWord } from '../language/calendar.ts';
import { foldCase } from '../language/fold.ts';
import { lemma } from '../language/lemma.ts';
import { contentStems, contentStemsOf } from '../language/words.ts';
import type { CorpusStore, PhraseGroups } from '../ports/corpus-store.ts';
import { STORY_TOPIC_PARTS } from '../topics/story-topic.ts';
import { expandedGroups } from './expand-query.ts';

/**
 * How a topic briefing finds its story. A news story is told by whole articles: the facts a reader
 * expects sit in their lead paragraphs, which often do not repeat the words of the topic ("the
 * water treaty" is "the accord" in one lead). So the articles that match the topic best are read whole.
 * Fitted on the briefing fit stories of corpus-dev (tests/eval/briefing-eval.ts), never per topic.
 */
export const STORY = {
  /** Passages searched to find the story's articles. */
  hits: 100,
  /** First search: an article is the story's when it covers this share of the best article's topic words. */
  coreShare: 0.5,
  /** Second search (topic and story words): the share, lower since the story words make it surer. */
  coverShare: 0.4,
  /** Articles read whole at most, best first. */
  maxDocuments: 12,
  /** Opening passages read of each article (news puts what matters first). */
  passagesPerDocument: 8,
  /** Words of the story's articles added to the second search. */
  profileWords: 6,
} as const;

/** Whether a passage text contains one of a group's alternatives (a word in any inflection, or a phrase). */
function matchesGroup(folded: string, lemmas: ReadonlySet<string>, group: readonly string[]): boolean {
  return group.some((alt) => (alt.includes(' ') ? folded.includes(alt) : lemmas.has(lemma(alt))));
}

/**
 * The documents of the story a topic names, best first: each hit document scores the topic words
 * (calendar words aside) that its matching passages contain, each word weighted by how few of the
 * hit documents contain it (so "talks" counts less than "Lisbon"); documents scoring at least
 * `coverShare` of the best one are the story's, at most `maxDocuments`.
 */
export function storyDocuments(
  hits: readonly Passage[],
  groups: PhraseGroups,
  share: number = STORY.coverShare,
): string[] {
  const scored = scoreDocuments(hits, groups);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => best > 0 && s.score >= share * best)
    .slice(0, STORY.maxDocuments)
    .map((s) => s.id);
}

/** A passage's folded text, the lemmas of its words and its content stems: read once per passage, not per search. */
interface PassageWords {
  text: string;
  folded: string;
  lemmas: ReadonlySet<string>;
  stems: readonly string[];
}

// Unicode-property patterns are module constants: the esbuild target (tsx, the dist build) turns a \p{…} literal
// into `new RegExp(…)`, built again on every call.
const TOKEN = /[\p{L}\p{N}]+/gu;

// Story topics search the same articles again and again; the memo is bounded so memory stays flat.
const MAX_MEMO = 20_000;
const memo = new Map<string, PassageWords>();

function wordsOf(passage: Passage): PassageWords {
  const cached = memo.get(passage.id);
  if (cached && cached.text === passage.text) return cached;
  const folded = foldCase(passage.text);
  // Each distinct token once: a passage repeats its articles and names.
  const tokens = new Set(folded.match(TOKEN));
  const lemmas = new Set<string>();
  for (const token of tokens) lemmas.add(lemma(token));
  // A passage an earlier request analysed has its words split already.
  const analysis = cachedAnalysis(passage);
  const stems = analysis ? contentStemsOf(analysis.sentences.flatMap((s) => s.words)) : contentStems(passage.text);
  const entry = { text: passage.text, folded, lemmas, stems };
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value as string);
  memo.set(passage.id, entry);
  return entry;
}

function scoreDocuments(hits: readonly Passage[], groups: PhraseGroups): { id: string; score: number }[] {
  const topical = groups.filter((g) => !g.every(isCalendarWord));
  const wanted = topical.length > 0 ? topical : groups;
  const covered = new Map<string, Set<number>>();
  for (const hit of hits) {
    const { folded, lemmas } = wordsOf(hit);
    const set = covered.get(hit.documentId) ?? new Set<number>();
    wanted.forEach((group, i) => {
      if (matchesGroup(folded, lemmas, group)) set.add(i);
    });
    covered.set(hit.documentId, set);
  }
  const documents = covered.size;
  const weights = wanted.map((_, i) => {
    let df = 0;
    for (const set of covered.values()) if (set.has(i)) df++;
    return Math.log(1 + documents / (1 + df));
  });
  const scored = [...covered].map(([id, set], order) => ({
    id,
    order,
    score: [...set].reduce((sum, i) => sum + (weights[i] ?? 0), 0),
  }));
  return scored.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * Words the story's articles share that the topic does not say (the names of its actors: "Duarte",
 * "Ferrer"): in at least half of the story's documents, and more common there than in the other hits.
 */
export function storyWords(hits: readonly Passage[], story: readonly string[], groups: PhraseGroups): string[] {
  const inStory = new Set(story);
  const said = new Set(groups.flat().map(lemma));
  const docsOf = new Map<string, Set<string>>();
  for (const hit of hits) {
    for (const stem of wordsOf(hit).stems) {
      if (said.has(stem) || isCalendarWord(stem)) continue;
      docsOf.set(stem, (docsOf.get(stem) ?? new Set()).add(hit.documentId));
    }
  }
  const others = Math.max(1, new Set(hits.map((h) => h.documentId)).size - inStory.size);
  const need = Math.max(2, story.length / 2);
  return [...docsOf]
    .map(([stem, docs]) => {
      const inside = [...docs].filter((d) => inStory.has(d)).length;
      return { stem, inside, score: inside / story.length - (docs.size - inside) / others };
    })
    .filter((w) => w.inside >= need && w.score > 0)
    .sort((a, b) => b.score - a.score || a.stem.localeCompare(b.stem))
    .slice(0, STORY.profileWords)
    .map((w) => w.stem);
}

/** Whether a topic describes a story (`STORY_TOPIC_PARTS` words or names, dates aside) rather than one subject. */
export function describesStory(topic: string): boolean {
  return expandedGroups(topic).filter((g) => !g.every(isCalendarWord)).length >= STORY_TOPIC_PARTS;
}

/**
 * Passages for a topic briefing: the opening passages of the story's documents (`storyDocuments`)
 * and, further down, those matching the topic with their neighbours, best document first; none when the topic has no searchable words.
 */
export async function storyPassages(corpus: CorpusStore, topic: string): Promise<RetrievedPassage[]> {
  const groups = expandedGroups(topic);
  if (groups.length === 0) return [];
  const first = await corpus.searchPassages(groups, STORY.hits);
  // A second search with the words the story's articles share finds those that tell it in other words.
  const profile = storyWords(first, storyDocuments(first, groups, STORY.coreShare), groups);
  const widened = [...groups, ...profile.map((w) => [w])];
  const hits = profile.length > 0 ? await corpus.searchPassages(widened, STORY.hits) : first;
  const documents = storyDocuments(hits, widened);
  const scores = new Map(hits.map((h) => [h.id, h.score]));
  const ids = new Set<string>();
  for (const id of documents) {
    for (let ordinal = 0; ordinal < STORY.passagesPerDocument; ordinal++) ids.add(passageId(id, ordinal));
    // Further down a long article, the passages that match the topic, with the sentence before and after.
    for (const hit of hits) {
      if (hit.documentId !== id) continue;
      for (const ordinal of [hit.ordinal - 1, hit.ordinal, hit.ordinal + 1])
        if (ordinal >= 0) ids.add(passageId(id, ordinal));
    }
  }
  return (await corpus.getPassages([...ids])).map((p) => ({ ...p, score: scores.get(p.id) ?? 0 }));
}
