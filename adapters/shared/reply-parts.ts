/**
 * What every renderer (console, Telegram, Discord) shows of a Reply, in words: the heading, the status
 * line, citation markers, source lines and the corpus summary. Renderers add only their markup, so the
 * wording lives here once and no renderer takes pre-rendered text apart.
 */
import { describeAttribution } from '../../core/analysis/attribution.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import type { Citation, EngineName, Reply } from '../../core/reply.ts';

/** Shown under the title of a partial reply, before its reason. */
export const PARTIAL_LINE = 'The sources answer this only in part.';

/** Outlet shown for a source whose outlet is unknown. */
export const UNKNOWN_OUTLET = 'Unknown outlet';

/** "[1][2]": the citation markers of a block or a source line. */
export function markers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/** The reply's heading: its title, or what it is when the title is empty. */
export function heading(reply: Pick<Reply, 'kind' | 'title'>): string {
  return reply.title.trim() || (reply.kind === 'briefing' ? 'Briefing' : 'Answer');
}

/** " (as of 2022-01-11)" after a Sources heading, or '' when the reply has no date. */
export function asOfSuffix(asOf: string | null | undefined): string {
  return asOf ? ` (as of ${asOf})` : '';
}

/** "extractive engine" or "Claude engine", for footers. */
export function engineLabel(engine: EngineName): string {
  return engine === 'claude' ? 'Claude engine' : 'extractive engine';
}

/** A URL a renderer may link: http(s) and parseable; null otherwise (javascript:, file:, garbage). */
export function linkableUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null;
}

/** The parts of a source line, in words; each renderer lays them out with its own markup. */
export interface SourceView {
  /** The outlet, or "Unknown outlet". */
  outlet: string;
  /** YYYY-MM-DD, or "undated". */
  date: string;
  title: string | null;
  /** An http(s) URL, or null. */
  url: string | null;
  /** " (source removed)" when the document left the corpus after it was cited, else ''. */
  removed: string;
  /** " (article edited since; quoted as cited)" when the article changed after it was cited, else ''. */
  edited: string;
  /** Who stands behind the quote ("on the record: Ryabkov"), or null. */
  attribution: string | null;
}

/** A citation's source line, in words. */
export function sourceView(
  c: Pick<Citation, 'outlet' | 'publishedAt' | 'title' | 'url' | 'removed' | 'edited' | 'attribution'>,
) {
  const view: SourceView = {
    outlet: c.outlet ?? UNKNOWN_OUTLET,
    date: c.publishedAt ?? 'undated',
    title: c.title,
    url: linkableUrl(c.url),
    removed: c.removed ? ' (source removed)' : '',
    edited: c.edited ? ' (article edited since; quoted as cited)' : '',
    attribution: c.attribution ? describeAttribution(c.attribution) : null,
  };
  return view;
}

/** The citations grouped by source document, in order of first citation (one Sources line per document). */
export function byDocument(citations: readonly Citation[]): Citation[][] {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) groups.set(c.documentId, [...(groups.get(c.documentId) ?? []), c]);
  return [...groups.values()];
}

const MAX_OUTLETS = 8;

/**
 * Outlets and date range of the corpus, e.g. "5 articles from DW, TRT World and 1 unattributed
 * (2022-01-09 to 2022-01-10)". `safe` makes outlet names safe for the renderer's markup.
 */
export function corpusCoverage(
  documents: readonly DocumentSummary[],
  safe: (text: string) => string = (text) => text,
): string {
  if (documents.length === 0) return 'no articles yet';
  const outlets = [...new Set(documents.flatMap((d) => (d.outlet ? [d.outlet] : [])))];
  const unattributed = documents.filter((d) => !d.outlet).length;
  const shown = outlets.length > MAX_OUTLETS ? outlets.slice(0, MAX_OUTLETS).map(safe) : outlets.map(safe);
  if (outlets.length > MAX_OUTLETS) shown.push(`${outlets.length - MAX_OUTLETS} more outlets`);
  const from = shown.length > 0 ? shown.join(', ') : 'unnamed outlets';
  const extra = unattributed > 0 && outlets.length > 0 ? ` and ${unattributed} unattributed` : '';
  const dates = documents.flatMap((d) => (d.publishedAt ? [d.publishedAt] : [])).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  const range = first && last ? (first === last ? ` (${first})` : ` (${first} to ${last})`) : '';
  return `${documents.length} ${documents.length === 1 ? 'article' : 'articles'} from ${from}${extra}${range}`;
}
