/**
 * Replies for renderer tests, made by core's own builders (buildReply, refusedReply), so a renderer is
 * tested on the shape core really produces rather than on a hand-made fixture.
 */
import { buildReply, refusedReply } from '../../core/compose/build-reply.ts';
import type { RetrievedPassage } from '../../core/corpus.ts';
import type { Reply, ReplyKind, ReplyStatus } from '../../core/reply.ts';

/** A source document of a test reply. */
export interface TestSource {
  documentId: string;
  text: string;
  outlet?: string | null;
  title?: string | null;
  publishedAt?: string | null;
  url?: string | null;
}

/** One claim and the verbatim quotes (from sources by index) supporting it. */
export interface TestClaim {
  text: string;
  quotes: { source: number; quote: string }[];
}

/** A retrieved passage: the whole text of a test source. */
export function testPassage(source: TestSource, ordinal = 0): RetrievedPassage {
  return {
    id: `${source.documentId}:${ordinal}`,
    documentId: source.documentId,
    ordinal,
    start: 0,
    end: source.text.length,
    text: source.text,
    score: 0,
    document: {
      id: source.documentId,
      title: source.title === undefined ? `Title of ${source.documentId}` : source.title,
      outlet: source.outlet === undefined ? 'DW' : source.outlet,
      author: null,
      publishedAt: source.publishedAt === undefined ? '2022-01-09' : source.publishedAt,
      url: source.url ?? null,
      language: 'en',
    },
  };
}

/** A briefing or answer as core builds it from verified claims. */
export function builtReply(input: {
  kind?: ReplyKind;
  status?: ReplyStatus;
  title?: string;
  note?: string;
  sources: TestSource[];
  claims: TestClaim[];
}): Reply {
  const passages = input.sources.map((s) => testPassage(s));
  return buildReply(
    {
      kind: input.kind ?? 'briefing',
      status: input.status ?? 'answered',
      title: input.title ?? 'US–Russia talks open in Geneva',
      engine: 'extractive',
      note: input.note,
      blocks: input.claims.map((claim) => ({
        text: claim.text,
        citations: claim.quotes.map((q) => ({ passageId: passages[q.source]?.id ?? '', quote: q.quote })),
      })),
    },
    new Map(passages.map((p) => [p.id, p])),
  );
}

/** A refusal as core builds it, with the coverage line core adds. */
export function builtRefusal(kind: ReplyKind, reason: string, coverage = 'The corpus holds 5 news articles.'): Reply {
  return refusedReply({ kind, engine: 'extractive', reason, coverage });
}
