/**
 * `/why`: how the conversation's last reply came about — the question as resolved, the passages
 * retrieved (rank, score, cited or why not), the engine and model, and the corpus it drew on.
 */
import type { RetrievedPassage } from '../corpus.ts';
import type { ConversationTurn, RetrievalRecord, RetrievedRecord } from '../ports/conversation-store.ts';
import type { EngineName, Reply, ReplyKind, ReplyStatus } from '../reply.ts';

/** Passages kept in a turn's record (a whole-corpus briefing may be given hundreds). */
const MAX_RECORDED = 50;

/** Why an uncited passage was not used, from what is known after the reply. */
function notUsedReason(
  passage: RetrievedPassage,
  rank: number,
  reply: Reply,
  citedDocuments: ReadonlySet<string>,
  lowestCitedRank: number,
): string {
  if (reply.status === 'refused') return 'nothing in it answers the request';
  if (citedDocuments.has(passage.documentId)) return 'its article is already cited through another passage';
  if (passage.score === 0 && reply.kind === 'answer') return 'added as context next to a search hit; not needed';
  if (rank > lowestCitedRank) return 'ranked below the passages used';
  return reply.kind === 'answer'
    ? 'no sentence in it answers the question as well as the cited ones'
    : 'not among the strongest or best-corroborated claims';
}

/** The retrieval record of a reply: every passage the engine was given (capped), best first. */
export function retrievalRecord(
  passages: readonly RetrievedPassage[],
  reply: Reply,
  model: string | null,
  corpus: { documents: number; passages: number },
): RetrievalRecord {
  const cited = new Set(reply.citations.map((c) => c.passageId));
  const citedDocuments = new Set(reply.citations.map((c) => c.documentId));
  const ranks = passages.flatMap((p, i) => (cited.has(p.id) ? [i + 1] : []));
  const lowestCitedRank = ranks.length > 0 ? Math.max(...ranks) : 0;
  const records: RetrievedRecord[] = passages.slice(0, MAX_RECORDED).map((p, i) => {
    const used = cited.has(p.id);
    const record: RetrievedRecord = {
      rank: i + 1,
      passageId: p.id,
      documentId: p.documentId,
      outlet: p.document.outlet,
      score: Math.round(p.score * 1000) / 1000,
      cited: used,
    };
    return used ? record : { ...record, reason: notUsedReason(p, i + 1, reply, citedDocuments, lowestCitedRank) };
  });
  // Passages cited but ranked beyond the cap (a disagreement block may cite them) still count as cited.
  for (const c of reply.citations) {
    if (records.some((r) => r.passageId === c.passageId)) continue;
    const rank = passages.findIndex((p) => p.id === c.passageId) + 1;
    records.push({ rank, passageId: c.passageId, documentId: c.documentId, outlet: c.outlet, score: 0, cited: true });
  }
  return { passages: records, retrieved: passages.length, engine: reply.engine, model, corpus };
}

/** The `/why` report (what `why --json` prints). */
export interface WhyReport {
  kind: ReplyKind;
  status: ReplyStatus;
  /** What the user typed. */
  request: string;
  /** The question or topic as resolved from the conversation. */
  resolvedRequest: string;
  /** When the reply was made (ISO). */
  answeredAt: string;
  engine: EngineName;
  model: string | null;
  retrieved: number;
  passages: RetrievedRecord[];
  corpus: { documents: number; passages: number; newestIngest: string | null; changedSince: boolean };
}

/**
 * The report for a remembered turn, or null when the turn was stored without a retrieval record.
 * `newestIngest` is the corpus's newest ingest time now; `changedSince` says whether it is later than the reply.
 */
export function whyReport(turn: ConversationTurn, newestIngest: string | null): WhyReport | null {
  const record = turn.retrieval;
  if (!record) return null;
  return {
    kind: turn.kind,
    status: turn.status,
    request: turn.request,
    resolvedRequest: turn.resolvedRequest,
    answeredAt: turn.createdAt,
    engine: record.engine,
    model: record.model,
    retrieved: record.retrieved,
    passages: record.passages,
    corpus: {
      ...record.corpus,
      newestIngest,
      changedSince: newestIngest !== null && newestIngest > turn.createdAt,
    },
  };
}

/** Passages listed in the plain-text rendering. */
const SHOWN = 15;

/** A plain-text rendering of the report, for the console and chat surfaces. */
export function renderWhyText(report: WhyReport | null): string {
  if (!report) return 'There is no reply to explain yet: ask a question or ask for a briefing first.';
  const asked =
    report.kind === 'briefing'
      ? `Briefing${report.request ? ` on: ${report.request}` : ''}`
      : `Question: ${report.request}`;
  const lines = [asked];
  if (report.resolvedRequest && report.resolvedRequest !== report.request)
    lines.push(`Understood as: ${report.resolvedRequest}`);
  lines.push(
    `Reply: ${report.status}, by the ${report.engine} engine${report.model ? ` (model ${report.model})` : ' (rules, no model)'} at ${report.answeredAt}`,
    `Corpus: ${report.corpus.documents} documents, ${report.corpus.passages} passages${
      report.corpus.newestIngest ? `; newest ingest ${report.corpus.newestIngest}` : ''
    }${report.corpus.changedSince ? ' (changed since this reply)' : ''}`,
    `Passages retrieved: ${report.retrieved}${report.passages.length < report.retrieved ? ` (first ${report.passages.length} recorded)` : ''}`,
  );
  const shown = [...report.passages.filter((p) => p.cited), ...report.passages.filter((p) => !p.cited)]
    .slice(0, SHOWN)
    .sort((a, b) => a.rank - b.rank);
  for (const p of shown) {
    const what = p.cited ? 'cited' : `not used: ${p.reason ?? 'not needed'}`;
    lines.push(`  #${p.rank} ${p.passageId} (${p.outlet ?? 'unknown outlet'}, score ${p.score}) — ${what}`);
  }
  const hidden = report.passages.length - shown.length;
  if (hidden > 0) lines.push(`  …and ${hidden} more not used`);
  return lines.join('\n');
}
