import { decodeEntities } from '../../../core/ingest/html-entities.ts';
import type { Rate } from '../evaluate.ts';
import { foldForMatch } from '../seed-text.ts';
import type { DevPage } from './load-corpus-dev.ts';

/** The page store's date stamp in front of some first lines; it belongs to neither the article nor the chrome. */
const DATE_STAMP = /^\s*date \d{4}-\d{2}-\d{2} /;

const rate = (correct: number, total: number): Rate => ({ correct, total, rate: total === 0 ? 1 : correct / total });

/**
 * A page's distinct lines (folded, date stamp and HTML character references aside), each labelled chrome or article.
 * chrome.json lists a chrome line once per copy that is chrome; a line with more copies than labels is article text
 * (its first copy), so a repeated headline or standfirst counts once as article and not as chrome.
 */
export function labelledLines(page: DevPage): { chrome: string[]; article: string[] } {
  const fold = (line: string) => foldForMatch(decodeEntities(line.replace(DATE_STAMP, '')));
  const labels = new Map<string, number>();
  for (const line of page.chromeLines.map(fold)) labels.set(line, (labels.get(line) ?? 0) + 1);
  const copies = new Map<string, number>();
  for (const line of page.raw.split('\n').map(fold).filter(Boolean)) copies.set(line, (copies.get(line) ?? 0) + 1);
  const chrome: string[] = [];
  const article: string[] = [];
  for (const [line, n] of copies) ((labels.get(line) ?? 0) >= n ? chrome : article).push(line);
  return { chrome, article };
}

/**
 * Chrome recall and article-text recall of ingest on the labelled pages: a chrome line (four characters or more)
 * counts as removed when the stored article text does not hold it; an article line (three words or more) counts as
 * kept when the article text holds it.
 */
export async function measureExtraction(
  pages: readonly DevPage[],
  articleText: (id: string) => Promise<string | null>,
): Promise<{ chromeRemoved: Rate; articleKept: Rate }> {
  let chrome = 0;
  let removed = 0;
  let article = 0;
  let kept = 0;
  for (const page of pages) {
    const text = foldForMatch((await articleText(page.id)) ?? '');
    const lines = labelledLines(page);
    for (const line of lines.chrome.filter((l) => l.length >= 4)) {
      chrome += 1;
      if (!text.includes(line)) removed += 1;
    }
    for (const line of lines.article.filter((l) => l.split(' ').length >= 3)) {
      article += 1;
      if (text.includes(line)) kept += 1;
    }
  }
  return { chromeRemoved: rate(removed, chrome), articleKept: rate(kept, article) };
}
