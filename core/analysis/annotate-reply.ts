/**
 * The analyst's layer applied to every Reply after the engine, whichever engine wrote it:
 * attribution on each citation, calendar dates for "when" answers, a block (and `disagreements`)
 * when outlets give different values, and briefings that lead with on-record, multi-outlet claims.
 */
import { renderText } from '../compose/build-reply.ts';
import type { RetrievedPassage } from '../corpus.ts';
import { collapseWhitespace } from '../language/quotes.ts';
import type { Block, Citation, Disagreement, Reply } from '../reply.ts';
import { attributeQuote } from './attribution.ts';
import { type FoundDisagreement, findDisagreements } from './disagreements.ts';
import { asksWhen, resolveBlockDates } from './resolve-block-dates.ts';

export interface AnnotateOptions {
  /** The question as resolved (answers); "when" questions get calendar dates. */
  question?: string | undefined;
}

/**
 * Retrieved passages, best first, that are compared with the cited ones for disagreements: search
 * hits only (score > 0), not neighbours fetched as context nor unranked listings, whose lower ranks
 * bring in captions and page furniture that slipped past ingest.
 */
const COMPARED_PASSAGES = 10;
/** Sentences cited per version of a disputed value. */
const CITED_PER_VERSION = 2;

function outletName(p: RetrievedPassage): string {
  return p.document.outlet ?? p.document.title ?? p.documentId;
}

/** The citation for a sentence of a passage: an existing one that quotes it, or a new one. */
function citationFor(citations: Citation[], passage: RetrievedPassage, sentence: string): number {
  const s = collapseWhitespace(sentence);
  const existing = citations.find((c) => {
    const q = collapseWhitespace(c.quote);
    return c.passageId === passage.id && (q.includes(s) || s.includes(q));
  });
  if (existing) return existing.n;
  const n = citations.length + 1;
  citations.push({
    n,
    documentId: passage.documentId,
    passageId: passage.id,
    quote: sentence,
    outlet: passage.document.outlet,
    title: passage.document.title,
    publishedAt: passage.document.publishedAt,
    url: passage.document.url,
    attribution: attributeQuote(passage.text, sentence),
  });
  return n;
}

function disagreementBlock(
  found: FoundDisagreement,
  citations: Citation[],
): { block: Block; disagreement: Disagreement } {
  const values = found.versions.map((version) => {
    const facts = version.facts.slice(0, CITED_PER_VERSION);
    const numbers = [...new Set(facts.map((f) => citationFor(citations, f.passage, f.sentence)))];
    const outlets = [...new Set(version.facts.map((f) => outletName(f.passage)))];
    return { text: `${version.display} (${outlets.join(', ')})`, citations: numbers };
  });
  const text = `Outlets differ on ${found.about}: ${values
    .map((v) => `${v.text} ${v.citations.map((n) => `[${n}]`).join('')}`)
    .join('; ')}.`;
  return {
    block: { text, citations: [...new Set(values.flatMap((v) => v.citations))] },
    disagreement: { about: found.about, values },
  };
}

/** The briefing's shape (core/engines/extractive/compose-briefing.ts BRIEFING): bullets and characters. */
const BRIEFING_LIMITS = { blocks: 6, chars: 1200 } as const;

/** How much a briefing block should lead: corroborated by several outlets, then on record. */
function weight(block: Block, citations: ReadonlyMap<number, Citation>): number {
  const cited = block.citations.map((n) => citations.get(n)).filter((c): c is Citation => c !== undefined);
  const outlets = new Set(cited.map((c) => c.outlet ?? c.documentId)).size;
  const onRecord = cited.some((c) => c.attribution?.kind === 'on-record');
  const anonymousOnly = cited.length > 0 && cited.every((c) => c.attribution?.kind === 'anonymous');
  return (outlets >= 2 ? 2 : 0) + (onRecord ? 1 : 0) - (anonymousOnly ? 1 : 0);
}

/** Renumbers citations in order of first use in `blocks`, rewriting the [n] markers. */
export function renumber(
  blocks: readonly Block[],
  citations: readonly Citation[],
): { blocks: Block[]; citations: Citation[] } {
  const map = new Map<number, number>();
  for (const b of blocks) for (const n of b.citations) if (!map.has(n)) map.set(n, map.size + 1);
  for (const c of citations) if (!map.has(c.n)) map.set(c.n, map.size + 1);
  const to = (n: number) => map.get(n) ?? n;
  return {
    blocks: blocks.map((b) => ({
      text: b.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${to(Number(n))}]`),
      citations: b.citations.map(to),
    })),
    citations: citations.map((c) => ({ ...c, n: to(c.n) })).sort((a, b) => a.n - b.n),
  };
}

/** A briefing whose first block stays (it carries the headline) and whose other blocks lead with corroborated, on-record claims. */
function preferCorroborated(blocks: Block[], citations: Citation[]): { blocks: Block[]; citations: Citation[] } {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const [lead, ...rest] = blocks;
  if (!lead || rest.length < 2) return { blocks, citations };
  const ordered = rest
    .map((block, i) => ({ block, i, w: weight(block, byNumber) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.block);
  if (ordered.every((b, i) => b === rest[i])) return { blocks, citations };
  return renumber([lead, ...ordered], citations);
}

/**
 * The reply with the analyst's additions. `passages` are those the engine was given (citations
 * point into them). A refusal is returned unchanged.
 */
export function annotateReply(
  reply: Reply,
  passages: readonly RetrievedPassage[],
  options: AnnotateOptions = {},
): Reply {
  if (reply.status === 'refused' || reply.citations.length === 0) return reply;
  const byId = new Map(passages.map((p) => [p.id, p]));
  let citations: Citation[] = reply.citations.map((c) => {
    const passage = byId.get(c.passageId);
    return { ...c, attribution: c.attribution ?? attributeQuote(passage?.text ?? c.quote, c.quote) };
  });
  let blocks = reply.blocks;
  if (reply.kind === 'answer' && asksWhen(options.question)) {
    const byNumber = new Map(citations.map((c) => [c.n, c]));
    blocks = blocks.map((b) => resolveBlockDates(b, byNumber));
  }
  if (reply.kind === 'briefing') ({ blocks, citations } = preferCorroborated(blocks, citations));

  const cited = citations.flatMap((c) => {
    const passage = byId.get(c.passageId);
    return passage ? [{ passage, quote: c.quote }] : [];
  });
  const found = findDisagreements(cited, passages.filter((p) => p.score > 0).slice(0, COMPARED_PASSAGES));
  const disagreements: Disagreement[] = [];
  for (const f of found) {
    const trial = [...citations];
    const { block, disagreement } = disagreementBlock(f, trial);
    // A briefing stays readable at a glance: the note joins only within its six bullets and 1,200 characters.
    const chars = [...blocks, block].reduce((sum, b) => sum + b.text.length, 0);
    if (reply.kind === 'briefing' && (blocks.length >= BRIEFING_LIMITS.blocks || chars > BRIEFING_LIMITS.chars))
      continue;
    citations = trial;
    blocks = [...blocks, block];
    disagreements.push(disagreement);
  }
  const dates = citations.map((c) => c.publishedAt).filter((d): d is string => Boolean(d));
  const annotated: Reply = {
    ...reply,
    blocks,
    citations,
    asOf: dates.length > 0 ? (dates.sort().at(-1) ?? null) : reply.asOf,
    ...(disagreements.length > 0 ? { disagreements } : {}),
  };
  return { ...annotated, text: renderText(annotated) };
}
