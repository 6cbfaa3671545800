import type { RetrievedPassage } from '../corpus.ts';
import { parse } from '../language/parse.ts';
import { type Word, words } from '../language/words.ts';
import { expandedGroups } from '../pipeline/expand-query.ts';
import { STORY, storyDocuments, storyWords } from '../pipeline/story-documents.ts';
import type { ConversationTurn } from '../ports/conversation-store.ts';
import type { CorpusStore } from '../ports/corpus-store.ts';
import { focusDocuments } from './focus.ts';

/** Requests of the conversation that say what its story is (the first question of a chain names it best). */
const STORY_TURNS = 3;

/** The turns whose requests tell the story: the recent ones, oldest first. */
const storyTurns = (history: readonly ConversationTurn[]) =>
  history.filter((t) => t.resolvedRequest.trim() !== '').slice(-STORY_TURNS);

/** Parts of speech that name what a story is about; its verbs ("walk away", "give") are any story's. */
const STORY_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);

/**
 * The documents a conversation's story is told in, found as a story briefing finds its articles: by the names,
 * nouns and adjectives of its recent requests ("Peru fishing quota"), the articles covering them as well as the
 * best one does, then again with the words those articles share (the story's actors and places), so that other
 * outlets' reports of the same event count. When the requests name nothing, the documents the conversation's last
 * answer cited. A follow-up ("what reason did they give?") is answered by the story the conversation is on, not
 * by whichever story also has a reason in it.
 */
export async function threadDocuments(
  corpus: Pick<CorpusStore, 'searchPassages'>,
  history: readonly ConversationTurn[],
): Promise<ReadonlySet<string>> {
  const requests = storyTurns(history)
    .map((t) => t.resolvedRequest)
    .join(' ');
  const named = parse(requests).tokens.filter((t) => STORY_POS.has(t.pos));
  const groups = expandedGroups(named.map((t) => t.text).join(' '));
  if (groups.length === 0) return focusDocuments(history);
  const first = await corpus.searchPassages(groups, STORY.hits);
  const core = storyDocuments(first, groups, STORY.coreShare);
  const profile = storyWords(first, core, groups);
  if (profile.length === 0) return core.length > 0 ? new Set(core) : focusDocuments(history);
  const widened = [...groups, ...profile.map((w) => [w])];
  return new Set(storyDocuments(await corpus.searchPassages(widened, STORY.hits), widened));
}

/**
 * A follow-up's candidates in order: the passages of the conversation's story first (best first), then the others.
 * Those stay: the engine weighs a word by how few candidates contain it, and among the story's passages alone its
 * own names would look common.
 */
export function preferStory(passages: readonly RetrievedPassage[], story: ReadonlySet<string>): RetrievedPassage[] {
  return [...passages.filter((p) => story.has(p.documentId)), ...passages.filter((p) => !story.has(p.documentId))];
}

// A module constant: the esbuild target turns a \p{…} literal into `new RegExp(…)`, built again on every call.
const CAPITAL = /^\p{Lu}/u;
/** Words a question starts with or is built of, never a name ("And", "What", "So"). */
const NOT_A_NAME =
  /^(?:and|but|so|also|what|who|whom|whose|which|when|where|why|how|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|anything|any|the|a|an|in|on|at|for|after|before)$/i;

/**
 * Whether a question goes on with the conversation rather than starting a new subject: it names no one and
 * nothing the conversation has not named already (in a request or a reply). "How did the envoy reply?" after a
 * question on what Xi told Biden continues it; "What did Lisbon decide?" after talk of Oslo does not.
 */
export function namesNothingNew(question: string, history: readonly ConversationTurn[]): boolean {
  if (history.length === 0) return false;
  const said = history.map((t) => `${t.resolvedRequest} ${t.replyText} ${t.entities.join(' ')}`).join(' ');
  // A name is known by its parts: "Saudi-Iran" once "Saudi" and "Iran" were said, "Iran's" once "Iran" was.
  const parts = (w: Word) => w.lower.replace(/'s$/, '').split('-');
  const known = new Set(words(said).flatMap(parts));
  return words(question)
    .filter((w) => CAPITAL.test(w.text) && !NOT_A_NAME.test(w.lower))
    .every((w) => parts(w).every((part) => known.has(part)));
}
