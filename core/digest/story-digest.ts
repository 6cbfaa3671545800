/**
 * The digest of what is new: one entry per story (near-identical copies from several outlets are one story),
 * listing every outlet that carries it and citing each outlet's opening sentence verbatim. Stories are kept
 * or left out by the subscription's keywords and topic, and the list stops within the platform's length.
 */
import { dropUnverifiedQuoteMarks, renderText } from '../compose/build-reply.ts';
import { splitSentences } from '../ingest/split-sentences.ts';
import type { DigestDocument } from '../ports/digest-store.ts';
import type { Citation, Reply } from '../reply.ts';
import { containsKeyword, keywordHaystack } from './keywords.ts';
import { formatLongDate } from './time-zone.ts';

export const NO_NEW_STORIES = 'No new stories since your last digest.';

/** Characters a digest's stories may take when the platform's sender does not say (a 2,000-character post, less the heading and sources). */
const DEFAULT_BUDGET = 1_800;
/** Most stories in one digest, however short. */
export const MAX_STORIES = 15;
/** Outlets cited per story; the others are named without a quote. */
const CITED_PER_STORY = 4;
/** A source line costs about this much beyond its outlet and title. */
const SOURCE_LINE_CHARS = 16;

export interface Story {
  storyId: string;
  /** Oldest copy first. */
  documents: DigestDocument[];
}

export interface StoryFilter {
  includeKeywords: readonly string[];
  excludeKeywords: readonly string[];
  /** Documents matching the subscription's topic, or null when it has none. */
  topicDocuments: ReadonlySet<string> | null;
}

/** Groups documents by story, keeping the order in which stories first appear. */
export function groupStories(documents: readonly DigestDocument[]): Story[] {
  const stories = new Map<string, Story>();
  for (const document of documents) {
    const story = stories.get(document.storyId);
    if (story) story.documents.push(document);
    else stories.set(document.storyId, { storyId: document.storyId, documents: [document] });
  }
  for (const story of stories.values()) {
    story.documents.sort((a, b) => a.firstIngestedAt.localeCompare(b.firstIngestedAt) || a.id.localeCompare(b.id));
  }
  return [...stories.values()];
}

/** A story is kept when one copy has an include keyword (if any), no copy has an exclude one, and one matches the topic. */
export function filterStories(stories: readonly Story[], filter: StoryFilter): Story[] {
  return stories.filter((story) => {
    const texts = story.documents.map((d) => keywordHaystack(`${d.title ?? ''}\n${d.articleText}`));
    const has = (keyword: string) => texts.some((t) => containsKeyword(t, keyword));
    if (filter.excludeKeywords.some(has)) return false;
    if (filter.includeKeywords.length > 0 && !filter.includeKeywords.some(has)) return false;
    return filter.topicDocuments === null || story.documents.some((d) => filter.topicDocuments?.has(d.id));
  });
}

function outletOf(document: DigestDocument): string {
  if (document.outlet) return document.outlet;
  try {
    return document.url ? new URL(document.url).hostname.replace(/^www\./, '') : 'unknown outlet';
  } catch {
    return 'unknown outlet';
  }
}

/** The opening sentence of a document's first passage: a verbatim span of its article text. */
function leadQuote(document: DigestDocument): string | null {
  const lead = document.lead;
  if (!lead) return null;
  const first = splitSentences(lead.text).find((s) => /[\p{L}\p{N}]/u.test(s.text));
  return first?.text ?? null;
}

interface Entry {
  text: string;
  citations: Omit<Citation, 'n'>[];
}

function entryOf(story: Story): Entry | null {
  const outlets = [...new Set(story.documents.map(outletOf))];
  const citations: Omit<Citation, 'n'>[] = [];
  const citedOutlets = new Set<string>();
  for (const document of story.documents) {
    const outlet = outletOf(document);
    const quote = leadQuote(document);
    if (quote === null || !document.lead || citedOutlets.has(outlet) || citations.length >= CITED_PER_STORY) continue;
    citedOutlets.add(outlet);
    citations.push({
      documentId: document.id,
      passageId: document.lead.passageId,
      quote,
      outlet: document.outlet,
      title: document.title,
      publishedAt: document.publishedAt,
      url: document.url,
    });
  }
  if (citations.length === 0) return null;
  const headline = story.documents.find((d) => d.title)?.title ?? citations[0]?.quote ?? 'Untitled story';
  const title = dropUnverifiedQuoteMarks(headline.replace(/\s+/g, ' ').trim(), []);
  const named = outlets.length === 1 ? outlets[0] : `${outlets.length} outlets: ${outlets.join(', ')}`;
  return { text: `${title} — ${named}`, citations };
}

function entryCost(entry: Entry): number {
  const sources = entry.citations.reduce(
    (sum, c) => sum + (c.outlet?.length ?? 16) + (c.title?.length ?? 0) + SOURCE_LINE_CHARS,
    0,
  );
  return entry.text.length + entry.citations.length * 4 + sources;
}

export interface StoryDigestOptions {
  localDate: string;
  /** Characters the stories may take (the platform sender's digestChars); a 2,000-character post when unset. */
  budget?: number | undefined;
  footer: string;
}

/**
 * The digest Reply: the most widely reported stories first (then the newest), as many as fit the platform's
 * budget, "…and N more" when some did not fit. With no story: a short line saying so.
 */
export function storyDigestReply(stories: readonly Story[], options: StoryDigestOptions): Reply {
  const date = formatLongDate(options.localDate);
  const ranked = stories
    .map((story, order) => ({ story, order, outlets: new Set(story.documents.map(outletOf)).size }))
    .sort((a, b) => b.outlets - a.outlets || a.order - b.order);
  const entries: Entry[] = [];
  let spent = 0;
  let left = 0;
  for (const { story } of ranked) {
    const entry = entryOf(story);
    if (!entry) continue;
    const cost = entryCost(entry);
    if (entries.length >= MAX_STORIES || (entries.length > 0 && spent + cost > (options.budget ?? DEFAULT_BUDGET))) {
      left++;
      continue;
    }
    spent += cost;
    entries.push(entry);
  }
  const citations: Citation[] = [];
  const blocks = entries.map((entry) => {
    const numbers = entry.citations.map((c) => {
      const n = citations.length + 1;
      citations.push({ n, ...c });
      return n;
    });
    return { text: `${entry.text} ${numbers.map((n) => `[${n}]`).join('')}`, citations: numbers };
  });
  const count = entries.length + left;
  const title =
    count === 0
      ? `Daily digest — ${date}`
      : `Daily digest — ${date} · ${count} new ${count === 1 ? 'story' : 'stories'}`;
  const more = left > 0 ? `…and ${left} more new ${left === 1 ? 'story' : 'stories'} not shown here.` : null;
  const note = [more, options.footer].filter((l): l is string => l !== null);
  const dates = citations.map((c) => c.publishedAt).filter((d): d is string => Boolean(d));
  const reply = {
    kind: 'briefing' as const,
    status: 'answered' as const,
    title,
    blocks,
    citations,
    engine: 'extractive' as const,
    asOf: dates.sort().at(-1) ?? null,
    // Nothing new is said as a part of its own (renderers show it under the title), never as pre-rendered text.
    ...(count === 0 ? { reason: NO_NEW_STORIES } : {}),
    note: note.join('\n'),
  };
  return { ...reply, text: renderText(reply) };
}
