/**
 * The English of attribution in news writing: reporting verbs, the titles that precede a name,
 * the wording of unnamed sourcing and of commentary. Extend the lists; keep them facts of English.
 */

/** Verbs (and forms) that report speech or a statement. */
export const REPORTING_VERBS =
  'said|says|say|told|tells|added|adds|stressed|stresses|warned|warns|noted|notes|insisted|insists|stated|states|declared|declares|announced|announces|claimed|claims|argued|argues|wrote|writes|tweeted|posted|explained|explains|emphasi[sz]ed|underlined|confirmed|confirms|denied|denies|asserted|asserts|remarked|acknowledged|acknowledges|predicted|predicts|suggested|suggests|urged|urges|reiterated|quoted|cautioned|complained|conceded|replied|responded|believes|believed|thinks';

/** Capitalised words that are titles or descriptions before a name ("Deputy Foreign Minister Sergei Ryabkov"), lower-case. */
export const TITLE_WORDS = new Set(
  `president vice deputy foreign defence defense minister secretary prime ambassador spokesman spokeswoman spokesperson
  chancellor premier senator sen rep representative general gen chief head leader envoy special adviser advisor
  director commissioner chairman chairwoman chair king queen prince crown sheikh emir foreign-minister state national
  security interior finance first lady mr mrs ms dr prof press official top senior former acting high representative
  undersecretary under assistant counselor counsellor spokesperson`.split(/\s+/),
);

/** Nationality and place adjectives end like this ("Russian", "Chinese", "Turkish", "Israeli"); not a name. */
export const NATIONALITY = /^(?:\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ch|ic))$/u;

/** Words for an organisation or office that speaks on record ("the ministry said", "the Kremlin said"). */
export const BODY_WORDS =
  'ministry|department|government|office|kremlin|white house|embassy|spokesman|spokeswoman|spokesperson|statement|cabinet|presidency|council|secretariat|commission|mission|agency|administration|army|military|police|authorities';

/** Unnamed sourcing: who speaks without a name. */
export const ANONYMOUS_PATTERNS: readonly RegExp[] = [
  /\b(?:on|under) (?:the )?condition of anonymity\b/i,
  /\bspeaking anonymously\b|\bdeclined to be (?:named|identified)\b|\bwho asked not to be (?:named|identified)\b/i,
  /\bnot authori[sz]ed to (?:speak|discuss|comment)\b/i,
  /\b(?:sources?|people|persons?|officials?|diplomats?|insiders?)\b[^.;]{0,40}\b(?:familiar with|close to|briefed on|with knowledge of|involved in)\b/i,
  /\b(?:an?|one|two|three|several|some|other|unnamed|anonymous)\s+(?:[\p{L}.-]+\s+){0,3}(?:sources?|officials?|diplomats?|insiders?|aides?)\b/iu,
  /\b(?:officials|sources|diplomats|insiders|aides)\s+(?:said|say|told|believe|expect)\b/i,
  /\baccording to (?:sources|officials|diplomats|people|a source|an official|a diplomat)\b/i,
];

/** Commentary, opinion and expert view. */
export const ANALYSIS_PATTERNS: readonly RegExp[] = [
  /\b(?:analysts?|experts?|observers?|commentators?|scholars?|academics?|historians?|economists?|strategists?)\b/i,
  /\b(?:professor|lecturer|researcher|fellow|director) (?:at|of)\b/i,
  /\bthink[- ]tank\b/i,
  /\b(?:in (?:my|our) (?:view|opinion)|arguably|i think|we believe|it seems|opinion|editorial|op-ed|column(?:ist)?)\b/i,
];

/** Pronouns that stand for the speaker named earlier. */
export const SPEAKER_PRONOUNS = /^(?:he|she|they|it)$/i;
