/** Text recall and chrome share of web-page extraction over the corpus-dev pages wrapped in site chrome. */
import { extractPage } from '../../core/feeds/extract-page.ts';
import { readCorpusPages, wrapInSite } from '../fakes/site-page.ts';

export interface ExtractionFigures {
  pages: number;
  /** Characters of article lines found in the extracted text / characters of article lines. */
  recall: number;
  /** Characters of extracted paragraphs that are no article text / all extracted characters. */
  chrome: number;
  msPerPage: number;
}

const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Extracts every wrapped corpus-dev page and scores it against its known article lines. */
export function measureExtraction(): ExtractionFigures {
  const pages = readCorpusPages();
  let articleChars = 0;
  let foundChars = 0;
  let extractedChars = 0;
  let chromeChars = 0;
  const started = performance.now();
  for (const page of pages) {
    const chrome = [...page.chromeLines];
    const articleLines = page.lines.map(norm).filter((line) => {
      if (line === '') return false;
      const at = chrome.indexOf(line);
      // A chrome line identical to an article line is listed once per extra copy: the first copy is article text.
      if (at >= 0 && page.lines.filter((l) => norm(l) === line).length <= chrome.filter((c) => c === line).length) {
        chrome.splice(at, 1);
        return false;
      }
      return true;
    });
    const result = extractPage(wrapInSite(page), page.url);
    const extracted = result.paragraphs.map(norm);
    // The headline is stored as the document's title, so it counts as kept article text.
    const text = [result.title ?? '', ...extracted].join('\n');
    const article = articleLines.join('\n');
    for (const line of articleLines) {
      articleChars += line.length;
      if (text.includes(line)) foundChars += line.length;
    }
    for (const paragraph of extracted) {
      // The fake site makes its headline up from the URL, so it is no line of the page: neither article nor chrome.
      if (paragraph === norm(result.title ?? '')) continue;
      extractedChars += paragraph.length;
      if (!article.includes(paragraph)) chromeChars += paragraph.length;
    }
  }
  const elapsed = performance.now() - started;
  return {
    pages: pages.length,
    recall: articleChars === 0 ? 0 : foundChars / articleChars,
    chrome: extractedChars === 0 ? 0 : chromeChars / extractedChars,
    msPerPage: elapsed / pages.length,
  };
}
