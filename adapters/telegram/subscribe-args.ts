/**
 * The words after /subscribe: `HH:MM [Area/City] [topic…]`, plus options anywhere among them:
 * `+word` or `+"a phrase"` (include), `-word` or `-"a phrase"` (exclude), `--silent` (post nothing on days
 * without a new story). Only splits the text; core validates every value.
 */
export interface SubscribeArgs {
  localTime: string | undefined;
  timezone: string;
  topic: string | null;
  includeKeywords: string[];
  excludeKeywords: string[];
  whenEmpty: 'notice' | 'silent';
}

/** A word, or a quoted phrase with an optional +/- before it (straight or curly quotes). */
const TOKEN = /([+-]?)["“”]([^"“”]*)["“”]|(\S+)/g;

export function parseSubscribeArgs(text: string): SubscribeArgs {
  const plain: string[] = [];
  const includeKeywords: string[] = [];
  const excludeKeywords: string[] = [];
  let whenEmpty: SubscribeArgs['whenEmpty'] = 'notice';
  for (const match of text.matchAll(TOKEN)) {
    const [, sign = '', phrase, word] = match;
    // Phones turn "--" into a dash: —silent and –silent mean --silent.
    if (word !== undefined && /^(--|—|–)silent$/i.test(word)) {
      whenEmpty = 'silent';
      continue;
    }
    const signed =
      phrase !== undefined
        ? { sign, value: phrase }
        : /^[+-]./.test(word ?? '')
          ? { sign: word?.[0], value: word?.slice(1) }
          : null;
    if (signed && (signed.sign === '+' || signed.sign === '-')) {
      (signed.sign === '+' ? includeKeywords : excludeKeywords).push(signed.value ?? '');
    } else if (phrase !== undefined) plain.push(phrase);
    else if (word !== undefined) plain.push(word);
  }
  const [localTime, timezone = '', ...topic] = plain;
  return {
    localTime,
    timezone,
    topic: topic.length > 0 ? topic.join(' ') : null,
    includeKeywords,
    excludeKeywords,
    whenEmpty,
  };
}
