/** Word counts and sentence ends, shared by the line classifiers of chrome stripping. */

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

/** Counts words with at least two letters, so icons, numbers and stray marks ("★", "16 px") do not count. */
export function letterWords(line: string): number {
  return line.split(/\s+/).filter((word) => /\p{L}.*\p{L}/u.test(word)).length;
}
