import { foldForMatch } from '../seed-text.ts';
import type { CorpusDev } from './load-corpus-dev.ts';
import { storyOfFile } from './load-corpus-dev.ts';

/** Whether a page's article lines (its chrome lines aside) contain the phrase. */
function inArticle(raw: string, chrome: readonly string[], phrase: string): boolean {
  const skip = new Set(chrome.map(foldForMatch));
  const want = foldForMatch(phrase);
  return raw.split('\n').some((line) => !skip.has(foldForMatch(line)) && foldForMatch(line).includes(want));
}

/**
 * The story each question is about, for folds split by story: from the pages that support it; for questions no
 * page supports (unanswerable ones), the story whose pages share the most rare words with it.
 */
export function storyOfQuestion(
  dev: CorpusDev,
): (question: string, support?: readonly string[], phrases?: readonly string[]) => string {
  const words = (t: string) => new Set(foldForMatch(t).match(/[\p{L}\p{N}]{4,}/gu) ?? []);
  const byStory = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const page of dev.pages) {
    const story = byStory.get(page.story) ?? new Map<string, number>();
    for (const w of words(page.raw)) {
      story.set(w, (story.get(w) ?? 0) + 1);
      df.set(w, (df.get(w) ?? 0) + 1);
    }
    byStory.set(page.story, story);
  }
  return (question, support, phrases) => {
    const supported = support?.[0];
    if (supported) return storyOfFile(supported);
    if (phrases) {
      const page = dev.pages.find((p) => phrases.some((ph) => inArticle(p.raw, p.chromeLines, ph)));
      if (page) return page.story;
    }
    let best = '';
    let bestScore = -1;
    for (const [story, counts] of byStory) {
      let score = 0;
      for (const w of words(question))
        score += (counts.get(w) ?? 0) / (df.get(w) ?? 1) / Math.log(2 + (df.get(w) ?? 0));
      if (score > bestScore) [best, bestScore] = [story, score];
    }
    return best;
  };
}

/** The story whose pages hold the chrome phrase of a trap. */
export function storyOfChrome(dev: CorpusDev, phrase: string): string {
  const want = foldForMatch(phrase);
  return dev.pages.find((p) => p.chromeLines.some((l) => foldForMatch(l).includes(want)))?.story ?? '';
}

export { inArticle };
