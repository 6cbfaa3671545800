/**
 * Marker lists and single-line classifiers for the page chrome that saved news pages carry around the article:
 * navigation, story lists, widgets, the site talking about itself, timestamps. Captions live in caption-rules.ts,
 * bylines and credits in credit-rules.ts; the block-level logic in strip-chrome.ts.
 */

import { endsLikeSentence, wordCount } from './words.ts';

const NAV = /^(?:\d+[.)]\s*)?(?:Skip|Jump) to\b/i;
const NAV_OUTLET = /^(?:\d+[.)]\s*)?Skip to more (.+?) sites?$/i;

/** Link labels that introduce other stories ("READ MORE:", "Related:", "WATCH |"). */
const LINK_LABEL =
  '(?:(?:READ|SEE|WATCH) (?:MORE|ALSO)|Read also|Also read|Related|Watch|Keep reading|Continue reading(?: on)?|Read more|More on this(?: story)?)';

/** Lines that open a list of links to other stories; the list items that follow belong to the block. */
const BLOCK_MARKERS = [
  /^Today['’]s Top (?:News|Stories)$/i,
  /^(?:Recommended|Related|Top|Latest|Trending|Popular|More|Other|Recent|Editor['’]s Picks?)(?: (?:Stories|Articles|News|Content|Reads|Videos|Topics|Links|Posts))?:?$/i,
  /^Most (?:Read|Popular|Viewed|Shared)(?: .{0,30})?$/i,
  /^(?:More|Also) (?:from|on|in) .{1,40}$/i,
  /^(?:You (?:may|might) (?:also )?(?:like|be interested in)|Read next|What to read next|Don['’]t miss)$/i,
  // A link label with nothing after it: the links follow on their own lines.
  new RegExp(`^${LINK_LABEL}\\s*:?$`, 'i'),
];

/** Whole lines that are widget text, sharing tools or comment-section notices. */
const WIDGET_LINES = [
  /^Oops!?$/i,
  /^Something went wrong\.?$/i,
  /^Please try again later\.?$/i,
  /^In this article:?$/i,
  /^(?:Advertisement|Sponsored(?: content)?|Share(?: this(?: article| story)?)?:?|Print|Comments?|Listen to this article|Loading\.*|Source link|Like this:?)$/i,
  /^Powered by\b.{0,40}$/i,
  /^-?\s*Advertisement\s*-?$/i,
  /^Our goal is to create a safe and engaging place\b/i,
  /\btemporarily suspending article commenting\b/i,
  /^(?:Comments are closed|Join the conversation|Sign up for our\b|Subscribe to our\b|Follow us on\b|Leave a (?:Reply|Comment)\b)/i,
  /^Your email address will not be published\b/i,
  /\bbloggers like this:?$/i,
  /\bAll rights reserved\b/i,
  /^\d*\s*(?:View|Open|See) (?:the )?(?:gallery|photos|all photos|slideshow|all videos)$/i,
];

/** Inline links to other stories ("READ MORE: ...", "Related: ...", "WATCH | ..."). */
const LINK_LINE = new RegExp(`^${LINK_LABEL}\\s*[:|]\\s*\\S`, 'i');

/**
 * The page speaking about itself or to its reader rather than about the news: comment, cookie and donation
 * notices, live-blog housekeeping ("Our live coverage … has ended.", "Read our full report here.").
 */
const SELF_REFERENCE =
  /\b(?:this|our) (?:site|website|web ?page|page|platform)\b|\bour (?:live coverage|live blog|coverage|full (?:report|story)|reporting|journalism|newsletter|community)\b|\byour (?:email|comment data|inbox|browser)\b|\bcookies?\b|\ban official (?:website|site)\b|^Welcome to\b[^.!?]{0,60}$|\bthis (?:article|story|post) (?:was|has been) (?:added|posted|submitted)\b|\bnot responsible for the content\b/i;

/** Newsroom notes on a story still being written. */
const NEWSROOM_NOTE =
  /^(?:more details to come|more to follow|updates? to follow|developing(?: story)?|breaking(?: news)?|this (?:is a developing story|story is developing|story will be updated|story has been updated)|check back (?:later )?for updates)[.…!]*$/i;

const READ_TIME = /^[·•|-]?\s*\d+\s*(?:min|mins|minute|minutes)\s+read$/i;
const RELATIVE_TIME = /^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$/i;
const BULLET = /^(?:[-–•*·▪◦]|\d+[.)])\s+/;

/** True for skip links and accessibility menus ("1. Skip to content"). */
export function isNavLine(line: string): boolean {
  return NAV.test(line);
}

/** The site name a "Skip to more X sites" link gives away, or null. */
export function outletFromNav(line: string): string | null {
  return NAV_OUTLET.exec(line)?.[1]?.trim() ?? null;
}

/** True for headings that open a list of other stories ("Today's Top News", "Recommended Stories", "Related:"). */
export function isBlockMarker(line: string): boolean {
  return BLOCK_MARKERS.some((rule) => rule.test(line));
}

/**
 * True for widget, sharing and comment-notice lines, inline "READ MORE:" links, the page talking about itself (short
 * lines without quotation marks only: a quoted speaker may say "our site") and newsroom notes.
 */
export function isWidgetLine(text: string): boolean {
  // Widgets inside a list are still widgets ("• Oops!").
  const line = text.replace(BULLET, '');
  if (LINK_LINE.test(line) || NEWSROOM_NOTE.test(line) || WIDGET_LINES.some((rule) => rule.test(line))) return true;
  return wordCount(line) <= 80 && !/["“”]/.test(line) && SELF_REFERENCE.test(line);
}

/** True for "·2 min read" style reading-time badges and "4 hours ago" timestamps. */
export function isReadTime(line: string): boolean {
  return READ_TIME.test(line) || RELATIVE_TIME.test(line);
}

/**
 * True for a bar of short labels separated by pipes ("Politics | World | Video", "Rating 4.8 | Reach 4.6 | …").
 * A table row, which ends with a pipe, is not one.
 */
export function isPipeBar(line: string): boolean {
  if (/\|\s*$/.test(line)) return false;
  const parts = line.split(/\s+\|\s*|\s*\|\s+/);
  return parts.length >= 3 && parts.every((part) => wordCount(part) <= 4 && !endsLikeSentence(part));
}

// Icon names a page's sprite sheet leaves in the text: words run together at a case change ("ChevronIcon").
const RUN_TOGETHER = /\p{Ll}\p{Lu}/u;

/** True for a line of icon labels: at least three words, a third of them run together ("FacebookIcon MailIcon …"). */
export function isIconText(line: string): boolean {
  const words = line.split(/\s+/);
  const joined = words.filter((word) => RUN_TOGETHER.test(word)).length;
  return joined >= 3 && joined * 3 >= words.length;
}

// A row of a table of facts ("Date | 20 May 2023 |"); a rule row ("---|---|") has no letters.
const TABLE_ROW = /^\|?(?:[^|]*\p{L}[^|]*\|){2,}\s*$/u;
// A listed fact ("- Signed: 20 May 2023"); labels that describe the page itself are not facts.
const LISTED_FACT = /^[-–•*·]\s+([\p{Lu}][\p{L}'’ ]{1,30}):\s*\S/u;
const PAGE_LABEL =
  /^(?:sources?|tags?|topics?|categor(?:y|ies)|credits?|photos?|images?|share|posted|published|updated|by|authors?|filed under)$/i;

/** True for a table row or a "- Label: value" list item: a fact of an infobox or a fact table. */
export function isFactRow(line: string): boolean {
  if (TABLE_ROW.test(line)) return true;
  const label = LISTED_FACT.exec(line)?.[1];
  return label !== undefined && !PAGE_LABEL.test(label.trim());
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
 * True for lines that are not sentences: headings, kickers, teasers, alt texts and stray fragments. They have no
 * sentence punctuation and are short, or are a lone short question. A line that leads into a list ("The deal has
 * three parts:") is a sentence. Whether a heading-like line is a sub-head of the article depends on its neighbours.
 */
export function isHeadingLike(line: string): boolean {
  const words = wordCount(line);
  if (words < 3) return true;
  if (/:$/.test(line) && words >= 5) return false;
  if (!endsLikeSentence(line)) return words < 25;
  // A lone question with no quotation marks is a sub-heading ("Why are Russian and US diplomats meeting?").
  return /\?$/.test(line) && words <= 15 && !/[.!?]\s/.test(line) && !/["“”]/.test(line);
}

/** True when the line is a breadcrumb trail ("Home > World > ..."). */
export function isBreadcrumb(line: string): boolean {
  return /^Home\s*[>›»/|]/.test(line);
}

/** A key for duplicate detection that ignores case, whitespace and punctuation ("Talks: day two" = "Talks day two"). */
export function duplicateKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
