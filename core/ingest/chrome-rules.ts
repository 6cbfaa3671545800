/**
 * Marker lists and single-line classifiers for the page chrome that saved news pages carry around the article.
 * Every rule here looks at one trimmed line; the block-level logic lives in strip-chrome.ts.
 */

const NAV = /^(?:\d+[.)]\s*)?(?:Skip|Jump) to\b/i;
const NAV_OUTLET = /^(?:\d+[.)]\s*)?Skip to more (.+?) sites?$/i;

/** Lines that open a list of links to other stories; the list items that follow belong to the block. */
const BLOCK_MARKERS = [
  /^Today['’]s Top (?:News|Stories)$/i,
  /^(?:Recommended|Related|Top|Latest|Trending|Popular|More|Other|Editor['’]s Picks?)(?: (?:Stories|Articles|News|Content|Reads|Videos|Topics|Links))?:?$/i,
  /^Most (?:Read|Popular|Viewed|Shared)(?: .{0,30})?$/i,
  /^(?:More|Also) (?:from|on|in) .{1,40}$/i,
  /^(?:You (?:may|might) (?:also )?(?:like|be interested in)|Read next|What to read next|Don['’]t miss)$/i,
];

/** Whole lines that are widget text, sharing tools or comment-section notices. */
const WIDGET_LINES = [
  /^Oops!?$/i,
  /^Something went wrong\.?$/i,
  /^Please try again later\.?$/i,
  /^In this article:?$/i,
  /^(?:Advertisement|Sponsored(?: content)?|Share(?: this(?: article| story)?)?|Print|Comments?|Listen to this article|Loading\.*)$/i,
  /^Our goal is to create a safe and engaging place\b/i,
  /\btemporarily suspending article commenting\b/i,
  /^(?:Comments are closed|Join the conversation|Sign up for our\b|Subscribe to our\b|Follow us on\b)/i,
];

/** Inline links to other stories ("READ MORE: ...", "Related: ..."). */
const LINK_LINE = /^(?:(?:READ|SEE|WATCH) (?:MORE|ALSO)|Read also|Also read|Related|Watch)\s*:/i;

const READ_TIME = /^[·•|-]?\s*\d+\s*(?:min|mins|minute|minutes)\s+read$/i;

const NAME_WORD = "(?:[A-Z][\\p{L}'’-]+|[A-Z]\\.|(?:de|da|van|von|al|bin|der|la|le)(?=\\s))";
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}`;
const BYLINE = new RegExp(`^By\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)(?:\\s*[,|]\\s*.{0,40})?$`, 'u');
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');

/** End-of-story agency credits: "(Reporting by ...; Editing by ...)", "ab, ar/dj (AFP, Reuters)", "Agencies via Xinhua". */
const STORY_CREDITS = [
  /^\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Edited|Research)(?: by)?\b[^()]*\)$/i,
  /^[a-z]{1,4}(?:\s*[,/]\s*[a-z]{1,4})*\s*\((?:[A-Za-z.&' -]+)(?:,\s*[A-Za-z.&' -]+)*\)$/,
  /^(?:Agencies|With agencies|Source|Sources|Staff and agencies)(?:\s+(?:via|and|with)\s+.{1,40})?$/i,
  /^(?:Agencies|Reuters|AP|AFP|Xinhua|dpa|EFE|Bloomberg)(?:\s*[,/&]\s*(?:Agencies|Reuters|AP|AFP|Xinhua|dpa|EFE|Bloomberg))*$/i,
];

// A caption that carries its photo credit: "...UkraineImage: Maxim Shemetov/REUTERS", "... (Photo: AFP)".
const INLINE_PHOTO_CREDIT = /(?:Image|Photo|Picture|Photograph|Foto|Credit)s?:\s*\S[^.!?]*$/;
// A caption ending in a parenthesised "(Photographer / Agency)" credit.
const PAREN_PHOTO_CREDIT = /\([^()]*\S\s*\/\s*\S[^()]*\)$/;
const PHOTO_CREDIT_WORDS = /\b(?:Archive|Photos?|Images?|Getty|Shutterstock|File photo|Pool|Handout|Illustration)\b/i;

// Photo captions, by the conventions of news captions: an opener that places the people in the picture
// ("From left, …", "FILE - …", "This satellite image shows …"), a trailing agency or photographer credit
// ("… - Courtesy BlackSky", "…/NATO/dpa", "… - Name/Getty Images", "(Courtesy of …)"), or a scene told in the
// present tense that ends on its date ("… board a bus in Goris, Armenia, on September 27.").
const CAPTION_OPENER =
  /^(?:From (?:left|right)\b|FILE\s*[-–—:]|(?:This|A|An) (?:\w+ ){0,2}(?:image|photo|photograph|picture|screen ?grab|video grab|still) (?:shows|taken|released)\b|Pictured\b)/i;
const CAPTION_CREDIT =
  /(?:\s[-–—]\s*|\/)(?:Courtesy\b.*|[^–—/]{0,40}\/(?:Getty Images|AFP|Reuters|AP|dpa|EPA|Anadolu|Sputnik|TASS|Xinhua|Bloomberg|Shutterstock)|(?:NATO|AFP|AP|dpa|EPA|Reuters)\/\S+)\s*$|\(Courtesy of [^()]+\)\s*$|[.!?]\s+(?:EPA-EFE|EPA|AFP|AP|Reuters|dpa|Anadolu|Xinhua)\/[\p{Lu} .'-]{3,40}$/iu;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DATE_END = new RegExp(
  `(?:\\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|${MONTH} \\d{1,2})|\\b\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4})\\.$`,
);
const PAST_OR_REPORTED =
  /\b(?:\w{3,}ed|said|says|told|according|was|were|had|has|have|met|came|went|took|gave|held|began|left|made|saw|won|spoke|flew|sent|led|fled|became|brought|found|kept|knew|put|ran|set|stood|struck|thought|wrote|will|would|is|are|which)\b|["“”]/i;

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
  return words >= 6 && DATE_END.test(line) && !PAST_OR_REPORTED.test(line);
}

const BULLET = /^(?:[-–•*·▪◦]|\d+[.)])\s+/;
const TERMINAL = /[.!?…]["'”’»)\]]*$/;

/** Counts whitespace-separated words. */
export function wordCount(line: string): number {
  const trimmed = line.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** True when the line ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(line: string): boolean {
  return TERMINAL.test(line.trim());
}

/** True for skip links and accessibility menus ("1. Skip to content"). */
export function isNavLine(line: string): boolean {
  return NAV.test(line);
}

/** The site name a "Skip to more X sites" link gives away, or null. */
export function outletFromNav(line: string): string | null {
  return NAV_OUTLET.exec(line)?.[1]?.trim() ?? null;
}

/** True for headings that open a list of other stories ("Today's Top News", "Recommended Stories"). */
export function isBlockMarker(line: string): boolean {
  return BLOCK_MARKERS.some((rule) => rule.test(line));
}

/** True for widget, sharing and comment-notice lines and for inline "READ MORE:" links. */
export function isWidgetLine(line: string): boolean {
  return LINK_LINE.test(line) || WIDGET_LINES.some((rule) => rule.test(line));
}

/** True for "·2 min read" style reading-time badges. */
export function isReadTime(line: string): boolean {
  return READ_TIME.test(line);
}

/** The author named by a "By Jane Doe" byline, or null when the line is not a byline. */
export function bylineAuthor(line: string): string | null {
  return BYLINE.exec(line)?.[1]?.trim() ?? null;
}

/** True when the whole line looks like a personal name ("Dmitry Antonov"). */
export function isNameOnly(line: string): boolean {
  return NAME_ONLY.test(line);
}

/** True for end-of-story agency and editing credits. */
export function isStoryCredit(line: string): boolean {
  return STORY_CREDITS.some((rule) => rule.test(line));
}

/**
 * True for photo captions and credits: a line ending in an "Image: ..." or "(Name / Agency)" credit, or a short
 * unpunctuated credit line such as "Reuters Archive" or "Getty Images".
 */
export function isPhotoCredit(line: string): boolean {
  if (INLINE_PHOTO_CREDIT.test(line) || PAREN_PHOTO_CREDIT.test(line) || isPhotoCaption(line)) return true;
  return wordCount(line) <= 5 && !endsLikeSentence(line) && PHOTO_CREDIT_WORDS.test(line);
}

/** True for list items ("- ...", "• ...", "3. ..."). */
export function isBulletItem(line: string): boolean {
  return BULLET.test(line);
}

/** The outlet named in a wire dateline ("MOSCOW (Reuters) - ..."), or null. */
export function outletFromDateline(line: string): string | null {
  const match = /^[A-Z][A-Z .,'’-]{1,40}\(([A-Z][A-Za-z.&' ]{0,30}[A-Za-z.])\)\s*[-–—]/.exec(line);
  return match?.[1] ?? null;
}

/**
 * True for lines that are not claims: section headings, related-video teasers, alt texts and stray fragments.
 * They have no sentence punctuation and are short, are a lone short question, or are too short to say anything.
 */
export function isHeadingLike(line: string): boolean {
  const words = wordCount(line);
  if (words < 3) return true;
  if (!endsLikeSentence(line)) return words < 25;
  // A lone question with no quotation marks is a sub-heading ("Why are Russian and US diplomats meeting?").
  return /\?$/.test(line) && words <= 15 && !/[.!?]\s/.test(line) && !/["“”]/.test(line);
}

/** True when the line is a breadcrumb trail ("Home > World > ..."). */
export function isBreadcrumb(line: string): boolean {
  return /^Home\s*[>›»/|]/.test(line);
}

/** A whitespace- and case-insensitive key for duplicate detection. */
export function duplicateKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ').toLowerCase();
}
