/**
 * Photo captions and photo credits, by the conventions news captions follow. Every rule looks at one trimmed line;
 * strip-chrome.ts decides from the neighbours (a line above a credit, a line next to another caption).
 */

import { endsLikeSentence, wordCount } from './words.ts';

// A caption that carries its photo credit: "...UkraineImage: Maxim Shemetov/REUTERS", "... (Photo: AFP)".
const INLINE_PHOTO_CREDIT = /(?:Image|Photo|Picture|Photograph|Foto|Credit)s?:\s*\S[^.!?]*$/;
// A caption ending in a parenthesised "(Photographer / Agency)" credit (the agency's name may follow in capitals) or
// a bracketed "[File: Agency]" one.
const PAREN_PHOTO_CREDIT =
  /\([^()]*\S\s*\/\s*\S[^()]*\)(?:\s*\([\p{Lu} .&'-]{2,40}\))?$|\[(?:File|Photo|Image|Pool)\s*:[^[\]]+\]$/iu;
const PHOTO_CREDIT_WORDS = /\b(?:Archive|Photos?|Images?|Getty|Shutterstock|File photo|Pool|Handout|Illustration)\b/i;
// A credit line of its own: "Jane Doe/Agency", "Jane Doe / The Daily Paper", "Agency/Jane Doe/Pool" (no sentence).
const NAME_PART = "[\\p{Lu}][\\p{L}.'’-]+";
const SEGMENT = "[\\p{Lu}][\\p{L}.&'’ -]{1,40}";
const SLASH_CREDIT = new RegExp(
  `^(?:${NAME_PART}(?: ${NAME_PART}){1,3}\\s*\\/\\s*${SEGMENT}|${SEGMENT}\\/${SEGMENT}\\/${SEGMENT})(?:\\s*\\/\\s*${SEGMENT})*$`,
  'u',
);

// Photo captions, by the conventions of news captions: an opener that places the people in the picture
// ("From left, …", "FILE - …", "This satellite image shows …"), a trailing agency or photographer credit
// ("… - Courtesy BlackSky", "…/NATO/dpa", "… - Name/Getty Images", "(Courtesy of …)", "… © Agency"), or a scene
// told in the present tense that ends on its date ("… board a bus in Goris, Armenia, on September 27.").
const CAPTION_OPENER =
  /^(?:From (?:left|right)\b|FILE\s*[-–—:]|(?:This|A|An) (?:\w+ ){0,2}(?:image|photo|photograph|picture|screen ?grab|video grab|still) (?:shows|taken|released)\b|Pictured\b)/i;
const CAPTION_CREDIT =
  /(?:\s[-–—]\s*|\/)(?:Courtesy\b.*|[^–—/]{0,40}\/(?:Getty Images|AFP|Reuters|AP|dpa|EPA|Anadolu|Sputnik|TASS|Xinhua|Bloomberg|Shutterstock)|(?:NATO|AFP|AP|dpa|EPA|Reuters)\/\S+)\s*$|\(Courtesy of [^()]+\)\s*$|[.!?]\s+(?:EPA-EFE|EPA|AFP|AP|Reuters|dpa|Anadolu|Xinhua|Getty Images)(?:\/[\p{Lu} .'-]{3,40})?$|\s©\s*[\p{Lu}][\p{L} .&'-]{1,40}$|[.!?]\s*\((?:AP|AFP|Reuters|EPA|dpa|Xinhua|TASS|ANI|PTI|IANS|Anadolu|Getty Images)(?: Photo)?\)$/iu;
// Where the people in a picture stand: "Jane Doe, left, greets …", "… (L) shakes hands with …", "(center)".
const POSITION =
  /,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom),\s|\((?:L|R|C|left|right|center|centre)\)/;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// The date a caption ends on, optionally followed by a short unpunctuated credit ("… May 4, 2023. Pool via AP").
const DATE_END = new RegExp(
  `(?:\\bon (?:${WEEKDAY}(?:,? ${MONTH} \\d{1,2})?|${MONTH} \\d{1,2})|\\b\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4})\\.(?:\\s+[\\p{Lu}][^.!?]{0,40})?$`,
  'u',
);
const PAST_OR_REPORTED =
  /\b(?:\w{3,}ed|said|says|told|according|was|were|had|has|have|met|came|went|took|gave|held|began|left|made|saw|won|spoke|flew|sent|led|fled|became|brought|found|kept|knew|put|ran|set|stood|struck|thought|wrote|will|would|is|are|which)\b|["“”]/i;
// What a caption never does: attribute, quote or look ahead ("said", "will", "expected to").
const REPORTED_OR_AHEAD = /\b(?:said|says|told|according|will|would|expected|plans?|scheduled)\b|["“”]/i;
// Nor does it tell the scene in the past tense; an aside between commas ("X, who came from Y, hands …") and the
// present passive ("is greeted") aside.
const ASIDE = /,[^,]*,|\b(?:is|are|being)\s+\w+ed\b/g;
const PAST =
  /\b(?:\w{3,}ed|was|were|had|met|came|went|took|gave|held|began|left|made|saw|won|spoke|flew|sent|led|fled|became|brought|found|kept|knew|ran|stood|struck|thought|wrote)\b/i;

/** Sentence ends inside a line: terminal punctuation, closing quotes, space, then a capital or an opening quote. */
const SENTENCE_END = /[.!?]["”’)]*\s+(?=[\p{Lu}“"])/gu;

/**
 * A page that runs a photo caption into the first paragraph ("FILE - X arrives at … Feb. 8, 2022. Talks to
 * restore …"): the caption, when the line opens like one and its first sentence ending on a date closes it, as a
 * line of its own, then the rest. Other lines are returned as they are.
 */
export function splitLeadingCaption(line: string): string[] {
  const trimmed = line.trim();
  if (!CAPTION_OPENER.test(trimmed) || wordCount(trimmed) <= 60) return [line];
  for (const match of trimmed.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].trimEnd().length;
    const head = trimmed.slice(0, end);
    if (wordCount(head) > 60) break;
    if (DATE_END.test(head)) return [head, trimmed.slice(end).trim()];
  }
  return [line];
}

/** True for a photo caption (see above); such a line describes a picture, not the news. */
export function isPhotoCaption(line: string): boolean {
  const words = wordCount(line);
  if (words > 60) return false;
  if (CAPTION_OPENER.test(line) || CAPTION_CREDIT.test(line)) return true;
  if (POSITION.test(line) && !REPORTED_OR_AHEAD.test(line)) return true;
  return words >= 6 && DATE_END.test(line) && !PAST_OR_REPORTED.test(line);
}

/**
 * True for a line shaped like a caption but not proof of one on its own: a short scene that ends on its date and
 * neither attributes, quotes nor looks ahead ("The minister is greeted by the mayor as he arrives on Friday.").
 * Next to a photo credit or another caption, such a line is a caption too.
 */
export function isCaptionShaped(line: string): boolean {
  const words = wordCount(line);
  return (
    words >= 6 &&
    words <= 60 &&
    DATE_END.test(line) &&
    !REPORTED_OR_AHEAD.test(line) &&
    !PAST.test(line.replace(ASIDE, ' '))
  );
}

/**
 * True for photo captions and credits: a line ending in an "Image: ..." or "(Name / Agency)" credit, a caption, a
 * "Name/Agency" credit line, or a short unpunctuated credit line such as "Reuters Archive" or "Getty Images".
 */
export function isPhotoCredit(line: string): boolean {
  if (INLINE_PHOTO_CREDIT.test(line) || PAREN_PHOTO_CREDIT.test(line) || isPhotoCaption(line)) return true;
  if (wordCount(line) <= 8 && SLASH_CREDIT.test(line)) return true;
  return wordCount(line) <= 5 && !endsLikeSentence(line) && PHOTO_CREDIT_WORDS.test(line);
}
