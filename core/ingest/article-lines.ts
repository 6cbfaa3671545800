/** The article in a file's lines: page chrome removed, with a fallback for short files that are all article. */

import { isPhotoCredit } from './caption-rules.ts';
import { isBulletItem, isNavLine, isWidgetLine } from './chrome-rules.ts';
import { isStoryCredit } from './credit-rules.ts';
import { type ExtractedArticle, extractArticle } from './strip-chrome.ts';
import { endsLikeSentence, wordCount } from './words.ts';

/** A sentence says something; shorter lines ending in a full stop are labels ("Updated."). */
const MIN_SENTENCE_WORDS = 3;

function isSentenceLine(text: string): boolean {
  return (
    endsLikeSentence(text) &&
    wordCount(text) >= MIN_SENTENCE_WORDS &&
    !isNavLine(text) &&
    !isWidgetLine(text) &&
    !isStoryCredit(text) &&
    !isPhotoCredit(text) &&
    !isBulletItem(text)
  );
}

/**
 * Extracts the article (see extractArticle). Chrome stripping reads the first line as the headline and short lines
 * as headings, so a short note that is all article text ("The envoys met in Vienna on Thursday.") would come out
 * empty; then every line that reads as a sentence is the article. A file of menus and links still yields nothing.
 */
export function articleLines(lines: string[]): ExtractedArticle {
  const article = extractArticle(lines);
  if (article.paragraphs.length > 0) return article;
  const sentences = lines.map((line) => line.trim()).filter((line) => isSentenceLine(line.replace(/\s+/g, ' ')));
  const paragraphs = [...new Set(sentences)];
  const title = article.title && !paragraphs.includes(article.title) ? article.title : null;
  return { ...article, title, paragraphs };
}
